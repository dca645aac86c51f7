package dev.orderly.stepfunctions;

import dev.orderly.stepfunctions.internal.integrations.FunctionName;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The functions Task states can invoke, looked up the way Lambda's {@code FunctionName} parameter
 * is read: a name ({@code reserve-stock}), a name with a version or alias ({@code
 * reserve-stock:live}), a partial ARN ({@code 123456789012:function:reserve-stock}) or a full ARN
 * ({@code arn:aws:lambda:us-east-1:123456789012:function:reserve-stock[:live]}). Region, account
 * and qualifier do not select among in-process functions: each name has one function.
 */
@FunctionalInterface
public interface LambdaFunctions {
  /** The function {@code nameOrArn} names; empty when none is registered or the name is invalid. */
  Optional<LambdaFunction> find(String nameOrArn);

  /** A fixed set of functions, keyed by name or ARN (without a qualifier). */
  static LambdaFunctions of(Map<String, LambdaFunction> functions) {
    Map<String, LambdaFunction> byName = new HashMap<>();
    functions.forEach(
        (nameOrArn, function) -> {
          String name = FunctionName.registrable(nameOrArn);
          if (byName.put(name, function) != null) {
            throw new IllegalArgumentException("Function " + name + " is given twice");
          }
        });
    Map<String, LambdaFunction> fixed = Map.copyOf(byName);
    return nameOrArn -> FunctionName.parse(nameOrArn).map(FunctionName::name).map(fixed::get);
  }
}
