package dev.orderly.localcloud.lambda;

import java.time.Duration;

/**
 * What one function has done so far, counted as Lambda's CloudWatch metrics count it: {@code
 * invocations} are the invocations that ran (throttled ones are not), {@code errors} the ones that
 * ended in a function error (timeouts and init failures included), {@code throttles} the ones
 * refused for concurrency. Cold starts are the execution environments created, with their
 * initialisation time in total; {@code concurrentMax} the most invocations running at once; {@code
 * injectedErrors} the errors that fault injection made (counted among the errors too).
 */
public record FunctionStats(
    long invocations,
    long errors,
    long throttles,
    long timeouts,
    long coldStarts,
    Duration initDuration,
    int concurrentMax,
    long injectedErrors) {}
