package dev.orderly.users.wiring;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/**
 * The clock a component's builder may be given (tests, the local cloud's virtual time); without
 * one, components run on the system UTC clock.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface GivenClock {}
