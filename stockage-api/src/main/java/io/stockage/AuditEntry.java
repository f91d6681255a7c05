package io.stockage;

import io.stockage.AuditOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One row of an organization's audit log, as stored.
 *
 * @param id the row's id; ids grow in the order rows were appended to the organization's chain
 * @param org the organization of the actor
 * @param actor who acted
 * @param action the operation ({@code upload}, {@code download}, {@code delete}, ...)
 * @param target what it was about: an item or project id, a slug or a path
 * @param outcome allowed, denied or failed
 * @param details small extra facts (revision, size, error kind); never content or secrets
 * @param at when, at microsecond precision
 * @param hash hex SHA-256 chaining this row to the one before it; empty for a row written before
 *     the chain existed
 */
public record AuditEntry(
    long id, OrgId org, UserId actor, String action, String target, AuditOutcome outcome,
    Map<String, String> details, Instant at, String hash) {
  /** Validates and copies. */
  public AuditEntry {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(outcome, "outcome");
    details = Map.copyOf(details);
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(hash, "hash");
  }
}
