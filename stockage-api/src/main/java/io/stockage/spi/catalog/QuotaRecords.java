package io.stockage.spi.catalog;

import io.stockage.OrgId;
import io.stockage.ProjectId;
import java.util.Optional;
import java.util.OptionalLong;

/** Storage limits of organizations and projects, and their usage ({@link io.stockage.Quotas}). */
public interface QuotaRecords {

  /** The limit of the organization (no project) or of one of its projects, when one is set. */
  OptionalLong limit(OrgId org, Optional<ProjectId> project);

  /** Sets the limit, or removes it when {@code bytes} is empty. */
  void setLimit(OrgId org, Optional<ProjectId> project, OptionalLong bytes);

  /**
   * The bytes of the distinct contents (by SHA-256) among the revisions of the scope's files,
   * trashed files and older revisions included.
   */
  long usage(OrgId org, Optional<ProjectId> project);
}
