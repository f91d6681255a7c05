package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.OrgId;
import io.stockage.OrgPermission;
import io.stockage.Permission;
import io.stockage.Project;
import io.stockage.ProjectId;
import io.stockage.Quota;
import io.stockage.QuotaLimit;
import io.stockage.Quotas;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.QuotaRecords;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Storage quotas: the {@link Quotas} view, and the room the upload path checks against (the
 * organization's and the project's, whichever is smaller; a scope without a limit costs no query
 * of its usage).
 */
public final class QuotaService implements Quotas {
  private final EngineContext ctx;

  /** Quotas over the engine's context. */
  public QuotaService(EngineContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Quota organization(Subject subject) {
    Operation op = Operation.query(ctx, "quota", subject, subject.org().value());
    return op.run(() -> ctx.catalog().read(session -> quota(session, subject.org(), Optional.empty())));
  }

  @Override
  public Quota project(Subject subject, String project) {
    Operation op = Operation.query(ctx, "quota", subject, project);
    return op.run(() -> ctx.catalog().read(session -> {
      Project found = Lookups.project(op, session, project, Permission.VIEW);
      return quota(session, found.org(), Optional.of(found.id()));
    }));
  }

  @Override
  public Quota limitOrganization(Subject subject, QuotaLimit limit) {
    Operation op = Operation.mutation(ctx, "limit-quota", subject, subject.org().value());
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      Authorizer.requireOrg(op, OrgPermission.ADMIN);
      return set(op, session, subject.org(), Optional.empty(), limit);
    }));
  }

  @Override
  public Quota limitProject(Subject subject, String project, QuotaLimit limit) {
    Operation op = Operation.mutation(ctx, "limit-quota", subject, project);
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      Authorizer.requireOrg(op, OrgPermission.ADMIN);
      Project found = Lookups.project(op, session, project, Permission.VIEW);
      return set(op, session, found.org(), Optional.of(found.id()), limit);
    }));
  }

  private static Quota set(Operation op, CatalogSession session, OrgId org, Optional<ProjectId> project,
      QuotaLimit limit) {
    session.quotas().setLimit(org, project, limit.bytes());
    session.audit().append(op.allowed(Map.of("limit", limit.bytes().isPresent()
        ? Long.toString(limit.bytes().getAsLong()) : "none")));
    return quota(session, org, project);
  }

  private static Quota quota(CatalogSession session, OrgId org, Optional<ProjectId> project) {
    QuotaRecords.Limits limits = session.quotas().limits(org, project);
    return new Quota(session.quotas().usage(org, project),
        project.isPresent() ? limits.project() : limits.organization());
  }

  /**
   * The bytes a project may still take under its limit and its organization's; {@code Long.MAX_VALUE}
   * without limits. One statement reads both limits; usage is summed only for a scope that has one.
   */
  public static long room(CatalogSession session, OrgId org, ProjectId project) {
    return room(session, org, project, session.quotas().limits(org, Optional.of(project)));
  }

  /** The same under limits read already (with the project: {@link Lookups.InProject#limits}). */
  public static long room(CatalogSession session, OrgId org, ProjectId project, QuotaRecords.Limits limits) {
    return Math.min(room(session, org, Optional.empty(), limits.organization()),
        room(session, org, Optional.of(project), limits.project()));
  }

  private static long room(CatalogSession session, OrgId org, Optional<ProjectId> project, OptionalLong limit) {
    return limit.isEmpty() ? Long.MAX_VALUE : limit.getAsLong() - session.quotas().usage(org, project);
  }

  /**
   * Fails with {@code QUOTA_EXCEEDED} when the project or its organization is now over its limit:
   * called in the transaction that adds content, after it did, so that it rolls back.
   */
  public static void enforce(CatalogSession session, OrgId org, ProjectId project) {
    enforce(session, org, project, session.quotas().limits(org, Optional.of(project)));
  }

  /** The same under limits read already in this transaction. */
  public static void enforce(CatalogSession session, OrgId org, ProjectId project, QuotaRecords.Limits limits) {
    if (room(session, org, project, limits) < 0) {
      throw exceeded("the content would take the project or its organization past its storage quota");
    }
  }

  /** Refuses a declared size larger than the room left. */
  public static void checkDeclared(OptionalLong declared, long room) {
    if (declared.isPresent() && declared.getAsLong() > room) {
      throw exceeded("the declared size " + declared.getAsLong() + " exceeds the " + Math.max(0, room)
          + " bytes left of the storage quota");
    }
  }

  static StockageException exceeded(String why) {
    return StockageException.of(ErrorKind.QUOTA_EXCEEDED, why);
  }
}
