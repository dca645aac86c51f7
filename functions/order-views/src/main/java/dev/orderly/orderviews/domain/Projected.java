package dev.orderly.orderviews.domain;

/** What one event did to the read model; duplicates and stale events must end in UNCHANGED. */
public enum Projected {
  /** The event was the newest yet: it set the status (or the customer's name). */
  APPLIED,
  /** An older event, arriving late, still added its history entry or fields the view lacked. */
  MERGED,
  /** Nothing new: a duplicate, or an event whose every contribution was already there. */
  UNCHANGED
}
