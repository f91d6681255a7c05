package io.stockage.jdbc.internal;

import io.stockage.OrgId;
import io.stockage.ProjectId;
import io.stockage.spi.catalog.QuotaRecords;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/** {@code quotas}, and usage summed from {@code revisions}. */
public final class JdbcQuotaRecords implements QuotaRecords {
  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcQuotaRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public Limits limits(OrgId org, Optional<ProjectId> project) {
    OptionalLong[] found = {OptionalLong.empty(), OptionalLong.empty()};
    handle.createQuery("SELECT project_id IS NULL AS organization, limit_bytes FROM quotas WHERE org_id = :org"
            + " AND (project_id IS NULL OR project_id = CAST(:project AS uuid))")
        .bind("org", org.value())
        .bind("project", project.map(ProjectId::value).orElse(null))
        .map((rows, ctx) -> {
          found[rows.getBoolean("organization") ? 0 : 1] = OptionalLong.of(rows.getLong("limit_bytes"));
          return null;
        })
        .list();
    return new Limits(found[0], found[1]);
  }

  @Override
  public void setLimit(OrgId org, Optional<ProjectId> project, OptionalLong bytes) {
    handle.createUpdate("DELETE FROM quotas WHERE org_id = :org AND project_id IS NOT DISTINCT FROM CAST(:project AS uuid)")
        .bind("org", org.value())
        .bind("project", project.map(ProjectId::value).orElse(null))
        .execute();
    if (bytes.isPresent()) {
      handle.createUpdate("INSERT INTO quotas (org_id, project_id, limit_bytes) VALUES (:org, :project, :bytes)")
          .bind("org", org.value())
          .bind("project", project.map(ProjectId::value).orElse(null))
          .bind("bytes", bytes.getAsLong())
          .execute();
    }
  }

  @Override
  public long usage(OrgId org, Optional<ProjectId> project) {
    return handle.createQuery("SELECT coalesce(sum(size), 0) FROM (SELECT DISTINCT ON (r.sha256) r.size"
            + " FROM revisions r JOIN items i ON i.id = r.item_id WHERE i.org_id = :org"
            + (project.isPresent() ? " AND i.project_id = :project" : "") + ") contents")
        .bind("org", org.value())
        .bind("project", project.map(ProjectId::value).orElse(null))
        .mapTo(Long.class)
        .one();
  }
}
