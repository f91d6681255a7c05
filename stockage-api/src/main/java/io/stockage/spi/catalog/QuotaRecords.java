package io.stockage.spi.catalog;

import io.stockage.OrgId;
import io.stockage.ProjectId;
import java.util.Optional;
import java.util.OptionalLong;

/** Storage limits of organizations and projects, and their usage ({@link io.stockage.Quotas}). */
public interface QuotaRecords {

  /**
   * The limits that bear on a project, read in one statement (every upload asks): its
   * organization's and, when {@code project} is given, the project's own.
   */
  Limits limits(OrgId org, Optional<ProjectId> project);

  /**
   * The limits that bear on a scope.
   *
   * @param organization the organization's limit, when one is set
   * @param project the project's limit, when one is set (and a project was asked about)
   */
  record Limits(OptionalLong organization, OptionalLong project) {
    /** Validates. */
    public Limits {
      java.util.Objects.requireNonNull(organization, "organization");
      java.util.Objects.requireNonNull(project, "project");
    }
  }

  /** Sets the limit, or removes it when {@code bytes} is empty. */
  void setLimit(OrgId org, Optional<ProjectId> project, OptionalLong bytes);

  /**
   * The bytes of the distinct contents (by SHA-256) among the revisions of the scope's files,
   * trashed files and older revisions included.
   */
  long usage(OrgId org, Optional<ProjectId> project);
}
