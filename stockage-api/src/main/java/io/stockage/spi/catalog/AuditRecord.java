package io.stockage.spi.catalog;

import io.stockage.AuditOutcome;
import io.stockage.OrgId;
import io.stockage.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the append-only audit log.
 *
 * @param org the organization of the actor
 * @param actor who acted
 * @param action the operation ({@code upload}, {@code download}, {@code delete}, ...)
 * @param target what it was about: an item or project id, a slug or a path
 * @param outcome allowed, denied or failed
 * @param details small extra facts (revision, size, error kind); never content or secrets
 * @param at when
 */
public record AuditRecord(
    OrgId org, UserId actor, String action, String target, AuditOutcome outcome,
    Map<String, String> details, Instant at) {
  /** Validates and copies. */
  public AuditRecord {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(outcome, "outcome");
    details = Map.copyOf(details);
    Objects.requireNonNull(at, "at");
  }
}
