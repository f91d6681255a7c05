package io.stockage.core.internal;

import io.stockage.AuditOutcome;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.spi.catalog.AuditRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of the facade: its name, subject and target, the teams resolved for it, and its audit.
 * Successful mutations are audited inside their transaction; a denial, or a failed mutation, is
 * audited afterwards in a transaction of its own (the failed one rolled back).
 */
public final class Operation {
  private static final Logger LOG = LoggerFactory.getLogger(Operation.class);

  private final EngineContext ctx;
  private final String name;
  private final Subject subject;
  private final boolean mutating;
  private String target;
  private String mount;
  private Set<TeamId> teams;
  private boolean denied;

  private Operation(EngineContext ctx, String name, Subject subject, String target, boolean mutating) {
    this.ctx = ctx;
    this.name = name;
    this.subject = subject;
    this.target = target;
    this.mutating = mutating;
  }

  /** A call that changes state: audited when it succeeds, is denied, or fails. */
  public static Operation mutation(EngineContext ctx, String name, Subject subject, String target) {
    return new Operation(ctx, name, subject, target, true);
  }

  /** A call that only reads: audited when denied (and by itself when it is a download). */
  public static Operation query(EngineContext ctx, String name, Subject subject, String target) {
    return new Operation(ctx, name, subject, target, false);
  }

  /** Runs the body; a failure gets this operation's context and is audited. */
  public <T> T run(Supplier<T> body) {
    try {
      // Teams first, outside any catalog transaction: a directory on the same pool asked from inside
      // one would hold two connections per call, and enough concurrent calls would drain the pool.
      teams();
      return body.get();
    } catch (StockageException e) {
      auditFailure(e);
      throw e.withContext(name, mount, target);
    } catch (RuntimeException e) {
      // A bug or a library's own exception: one kind for the caller, with context and a FAILED row.
      StockageException unexpected = StockageException.of(ErrorKind.UNEXPECTED, name + " failed: " + e, e);
      auditFailure(unexpected);
      throw unexpected.withContext(name, mount, target);
    }
  }

  /** The subject. */
  public Subject subject() {
    return subject;
  }

  /** The operation's name. */
  public String name() {
    return name;
  }

  /** Names the target more precisely once it is known (an item id after lookup). */
  public void target(String value) {
    this.target = value;
  }

  /** Names the mount the operation works on. */
  public void mount(String value) {
    this.mount = value;
  }

  /** The subject's teams, asked of the directory once per operation. */
  public Set<TeamId> teams() {
    if (teams == null) {
      teams = Set.copyOf(ctx.directory().teamsOf(subject.org(), subject.user()));
    }
    return teams;
  }

  /** Records a denial and returns the exception to throw. */
  public StockageException deny(ErrorKind kind, String message) {
    denied = true;
    return StockageException.of(kind, message);
  }

  /** The audit row of this operation's success, to write in its transaction. */
  public AuditRecord allowed(Map<String, String> details) {
    return record(AuditOutcome.ALLOWED, details);
  }

  private AuditRecord record(AuditOutcome outcome, Map<String, String> details) {
    return new AuditRecord(subject.org(), subject.user(), name, target, outcome, details, ctx.clock().instant());
  }

  private void auditFailure(StockageException e) {
    if (!denied && !mutating && e.kind() != ErrorKind.UNEXPECTED) {
      return;
    }
    Map<String, String> details = new HashMap<>();
    details.put("kind", e.kind().name());
    e.reason().ifPresent(r -> details.put("reason", r.name()));
    AuditRecord row = record(denied ? AuditOutcome.DENIED : AuditOutcome.FAILED, details);
    try {
      ctx.catalog().inTransaction(session -> {
        session.projects().ensureOrganization(subject.org(), row.at());
        session.audit().append(row);
        return null;
      });
    } catch (StockageException auditFailure) {
      // The caller gets the original failure; losing its audit row must at least be visible.
      LOG.error("could not audit {} {} of {}: {}", row.outcome(), name, subject.user(), auditFailure.getMessage());
      e.addSuppressed(auditFailure);
    }
  }
}
