package io.stockage.examples.server;

import io.stockage.ErrorKind;
import io.stockage.OrgPermission;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.jdbc.JdbcDirectory;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's teams, kept by the starter's JDBC directory: anyone of the organization
 * lists them, its admins create them and manage their members. A host with its own directory
 * (an identity provider's groups) would not expose these.
 */
@RestController
@RequestMapping("/api/v1/teams")
class TeamsController {
  private final JdbcDirectory directory;
  private final Stockage stockage;

  TeamsController(JdbcDirectory directory, Stockage stockage) {
    this.directory = directory;
    this.stockage = stockage;
  }

  /** A team to create. */
  record NewTeamBody(String id, String name) {}

  /** A member to add. */
  record MemberBody(String user) {}

  /** The JSON form of a team. */
  record TeamView(String id, String name, List<String> members) {}

  @GetMapping
  List<TeamView> list(Subject subject) {
    return directory.teams(subject.org()).entrySet().stream()
        .map(e -> view(subject, e.getKey(), e.getValue()))
        .toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  TeamView create(Subject subject, @RequestBody NewTeamBody body) {
    requireAdmin(subject);
    TeamId team = TeamId.of(Bodies.required(body.id(), "id"));
    directory.createTeam(subject.org(), team, body.name() == null ? team.value() : body.name());
    return view(subject, team, body.name() == null ? team.value() : body.name());
  }

  @PostMapping("/{team}/members")
  @ResponseStatus(HttpStatus.CREATED)
  TeamView addMember(Subject subject, @PathVariable String team, @RequestBody MemberBody body) {
    TeamId id = TeamId.of(team);
    // Through the engine: it refuses a change that would let an admin reach vault items.
    stockage.teams().addMember(subject, id, UserId.of(Bodies.required(body.user(), "user")));
    return view(subject, id, directory.teams(subject.org()).get(id));
  }

  @DeleteMapping("/{team}/members/{user}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeMember(Subject subject, @PathVariable String team, @PathVariable String user) {
    stockage.teams().removeMember(subject, TeamId.of(team), UserId.of(user));
  }

  private TeamView view(Subject subject, TeamId team, String name) {
    return new TeamView(team.value(), name,
        directory.members(subject.org(), team).stream().map(UserId::value).toList());
  }

  private static void requireAdmin(Subject subject) {
    if (!subject.has(OrgPermission.ADMIN)) {
      throw StockageException.of(ErrorKind.PERMISSION_DENIED, "only organization admins manage teams");
    }
  }
}
