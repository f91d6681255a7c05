package io.stockage.examples.server;

import io.stockage.NewProject;
import io.stockage.Project;
import io.stockage.ProjectMember;
import io.stockage.ProjectRole;
import io.stockage.Stockage;
import io.stockage.Subject;
import io.stockage.UserId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Projects and their members. */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectsController {
  private final Stockage stockage;

  ProjectsController(Stockage stockage) {
    this.stockage = stockage;
  }

  /** A project to create. */
  record NewProjectBody(String slug, String title, String description, String category) {}

  /** A member to add, or whose role to change. */
  record MemberBody(String user, ProjectRole role) {}

  /** The JSON form of a project; one read alone also shows its storage quota. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record ProjectView(String id, String slug, String title, String description, String category, String status,
      String mount, String creator, Instant createdAt, QuotaView quota) {
    static ProjectView of(Project p) {
      return new ProjectView(p.id().toString(), p.slug(), p.title(), p.description(), p.category(), p.status(),
          p.mount(), p.creator().value(), p.createdAt(), null);
    }

    ProjectView with(QuotaView quota) {
      return new ProjectView(id, slug, title, description, category, status, mount, creator, createdAt, quota);
    }
  }

  /** The JSON form of a quota: bytes used, and the limit and what is left of it when there is one. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record QuotaView(long usedBytes, Long limitBytes, Long remainingBytes) {
    static QuotaView of(io.stockage.Quota q) {
      return new QuotaView(q.usedBytes(), q.limitBytes().isPresent() ? q.limitBytes().getAsLong() : null,
          q.remainingBytes().isPresent() ? q.remainingBytes().getAsLong() : null);
    }
  }

  /** The JSON form of a membership. */
  record MemberView(String user, ProjectRole role, Instant joinedAt) {
    static MemberView of(ProjectMember m) {
      return new MemberView(m.user().value(), m.role(), m.joinedAt());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ProjectView create(Subject subject, @RequestBody NewProjectBody body) {
    NewProject spec = new NewProject(Bodies.required(body.slug(), "slug"), Bodies.required(body.title(), "title"),
        Optional.ofNullable(body.description()).orElse(""), Optional.ofNullable(body.category()).orElse(""),
        Optional.empty());
    return ProjectView.of(stockage.projects().create(subject, spec));
  }

  @GetMapping
  PageView<ProjectView> list(Subject subject, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int size) {
    return PageView.of(stockage.projects().list(subject, Bodies.page(cursor, size)), ProjectView::of);
  }

  @GetMapping("/{slug}")
  ProjectView get(Subject subject, @PathVariable String slug) {
    return ProjectView.of(stockage.projects().get(subject, slug))
        .with(QuotaView.of(stockage.quotas().project(subject, slug)));
  }

  /** A project's storage limit, set or lifted ({@code {"limitBytes": null}}) by an organization admin. */
  @org.springframework.web.bind.annotation.PutMapping("/{slug}/quota")
  QuotaView limit(Subject subject, @PathVariable String slug, @RequestBody LimitBody body) {
    return QuotaView.of(stockage.quotas().limitProject(subject, slug, body.limit()));
  }

  /** A limit to set: bytes, or null for none. */
  record LimitBody(Long limitBytes) {
    io.stockage.QuotaLimit limit() {
      return limitBytes == null ? io.stockage.QuotaLimit.none() : io.stockage.QuotaLimit.of(limitBytes);
    }
  }

  /** What the caller may do at the project's root: the web UI shows only those actions. */
  @GetMapping("/{slug}/permissions")
  java.util.Set<io.stockage.Permission> permissions(Subject subject, @PathVariable String slug) {
    return stockage.projects().permissions(subject, slug);
  }

  @GetMapping("/{slug}/members")
  java.util.List<MemberView> members(Subject subject, @PathVariable String slug) {
    return stockage.projects().members(subject, slug).stream().map(MemberView::of).toList();
  }

  @PostMapping("/{slug}/members")
  MemberView addMember(Subject subject, @PathVariable String slug, @RequestBody MemberBody body) {
    ProjectRole role = Bodies.required(body.role(), "role");
    return MemberView.of(stockage.projects().addMember(subject, slug, UserId.of(Bodies.required(body.user(), "user")), role));
  }

  @DeleteMapping("/{slug}/members/{user}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeMember(Subject subject, @PathVariable String slug, @PathVariable String user) {
    stockage.projects().removeMember(subject, slug, UserId.of(user));
  }
}
