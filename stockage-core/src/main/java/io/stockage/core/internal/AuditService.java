package io.stockage.core.internal;

import io.stockage.AuditEntry;
import io.stockage.AuditVerification;
import io.stockage.OrgPermission;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Subject;

/**
 * The audit log of an organization, for its administrators: reading it newest first, and
 * verifying its hash chain (see {@link AuditChainCheck}). Both only read, so neither writes an
 * audit row of its own unless it is denied.
 */
public final class AuditService implements io.stockage.AuditLog {
  /** How many rows verification holds at a time. */
  static final int CHAIN_PAGE = 1000;

  private final EngineContext ctx;

  /** A service over the engine's context. */
  public AuditService(EngineContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Page<AuditEntry> list(Subject subject, PageRequest page) {
    Operation op = Operation.query(ctx, "read-audit", subject, subject.org().value());
    return op.run(() -> {
      Authorizer.requireOrg(op, OrgPermission.ADMIN);
      return ctx.catalog().read(session -> session.audit().list(subject.org(), page));
    });
  }

  /**
   * See {@link io.stockage.AuditLog#verify}. One read-only transaction sees the head
   * and every row in one snapshot, so appends committed meanwhile neither show up half nor make
   * the head disagree with the rows.
   */
  public AuditVerification verify(Subject subject) {
    Operation op = Operation.query(ctx, "verify-audit", subject, subject.org().value());
    return op.run(() -> {
      Authorizer.requireOrg(op, OrgPermission.ADMIN);
      return ctx.catalog().read(session ->
          new AuditChainCheck(session.audit(), subject.org(), CHAIN_PAGE).run());
    });
  }
}
