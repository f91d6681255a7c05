package io.stockage.examples.server;

import io.stockage.Access;
import io.stockage.AccessEntry;
import io.stockage.AccessSource;
import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.Permission;
import io.stockage.Principal;
import io.stockage.ProjectRole;
import io.stockage.ProjectTeam;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who may do what on a file or folder: its access entries, the explanation of a user's effective
 * role, the caller's own permissions, and the teams a project is shared with.
 */
@RestController
class AccessController {
  private final Stockage stockage;

  AccessController(Stockage stockage) {
    this.stockage = stockage;
  }

  /** An entry to grant: a user or a team, and a role. */
  record GrantBody(String user, String team, ProjectRole role) {}

  /** A team's role on a project. */
  record TeamRoleBody(ProjectRole role) {}

  /** The JSON form of a principal. */
  record PrincipalView(String type, String id) {
    static PrincipalView of(Principal p) {
      return new PrincipalView(p.kind().name().toLowerCase(java.util.Locale.ROOT), p.value());
    }
  }

  /** The JSON form of an access entry. */
  record EntryView(String item, PrincipalView principal, ProjectRole role, String grantedBy, Instant at) {
    static EntryView of(AccessEntry e) {
      return new EntryView(e.item().toString(), PrincipalView.of(e.principal()), e.role(), e.grantedBy().value(),
          e.at());
    }
  }

  /** The JSON form of one source of access. */
  record SourceView(AccessSource.Kind kind, PrincipalView principal, String on, ProjectRole role,
      Set<Permission> permissions) {
    static SourceView of(AccessSource s) {
      return new SourceView(s.kind(), s.principal().map(PrincipalView::of).orElse(null),
          s.on().map(ItemId::toString).orElse(null), s.role().orElse(null), s.permissions());
    }
  }

  /** The JSON form of an explanation. */
  record ExplainView(String user, ProjectRole role, Set<Permission> permissions, List<SourceView> sources) {
    static ExplainView of(Access a) {
      return new ExplainView(a.user().value(), a.role().orElse(null), a.permissions(),
          a.sources().stream().map(SourceView::of).toList());
    }
  }

  /** The JSON form of a team's role on a project. */
  record ProjectTeamView(String team, ProjectRole role, Instant joinedAt) {
    static ProjectTeamView of(ProjectTeam t) {
      return new ProjectTeamView(t.team().value(), t.role(), t.joinedAt());
    }
  }

  @GetMapping("/api/v1/files/{id}/access")
  PageView<EntryView> entries(Subject subject, @PathVariable String id, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "100") int size) {
    return PageView.of(stockage.access().entries(subject, ItemId.parse(id), Bodies.page(cursor, size)), EntryView::of);
  }

  @PostMapping("/api/v1/files/{id}/access")
  @ResponseStatus(HttpStatus.CREATED)
  EntryView grant(Subject subject, @PathVariable String id, @RequestBody GrantBody body) {
    Principal principal = principal(body.user(), body.team());
    return EntryView.of(stockage.access().grant(subject, ItemId.parse(id), principal, Bodies.required(body.role(), "role")));
  }

  @DeleteMapping("/api/v1/files/{id}/access")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(Subject subject, @PathVariable String id, @RequestParam(required = false) String user,
      @RequestParam(required = false) String team) {
    stockage.access().revoke(subject, ItemId.parse(id), principal(user, team));
  }

  @GetMapping("/api/v1/files/{id}/access/explain")
  ExplainView explain(Subject subject, @PathVariable String id, @RequestParam(required = false) String user) {
    Subject whom = user == null ? subject : DemoUsers.subjectOf(user)
        .filter(s -> s.org().equals(subject.org()))
        .orElseThrow(() -> StockageException.of(ErrorKind.NOT_FOUND, "no user " + user + " in your organization"));
    return ExplainView.of(stockage.access().explain(subject, ItemId.parse(id), whom));
  }

  @GetMapping("/api/v1/files/{id}/permissions")
  Set<Permission> permissions(Subject subject, @PathVariable String id) {
    return stockage.access().permissions(subject, ItemId.parse(id));
  }

  @GetMapping("/api/v1/projects/{slug}/teams")
  List<ProjectTeamView> teams(Subject subject, @PathVariable String slug) {
    return stockage.projects().teams(subject, slug).stream().map(ProjectTeamView::of).toList();
  }

  @PutMapping("/api/v1/projects/{slug}/teams/{team}")
  ProjectTeamView addTeam(Subject subject, @PathVariable String slug, @PathVariable String team,
      @RequestBody TeamRoleBody body) {
    return ProjectTeamView.of(stockage.projects().addTeam(subject, slug, TeamId.of(team), Bodies.required(body.role(), "role")));
  }

  @DeleteMapping("/api/v1/projects/{slug}/teams/{team}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeTeam(Subject subject, @PathVariable String slug, @PathVariable String team) {
    stockage.projects().removeTeam(subject, slug, TeamId.of(team));
  }

  /** Exactly one of a user and a team. */
  static Principal principal(String user, String team) {
    if ((user == null) == (team == null)) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "name exactly one of \"user\" and \"team\"");
    }
    return user != null ? UserId.of(user) : TeamId.of(team);
  }
}
