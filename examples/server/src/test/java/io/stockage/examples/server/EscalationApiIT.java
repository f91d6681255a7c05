package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The two privilege escalations found in review, and their variants, replayed over HTTP as a
 * user of the sample server would try them: each ends in 403 or 404 at the step that used to
 * succeed, and the file stays out of reach.
 */
class EscalationApiIT extends ServerIT {

  @Test
  void editor_grantsItselfAdminOnItsFolderThenMovesAnothersFileIntoIt_moveIsRefused() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String folder = folder("bob", "bridge", "inbox-" + suffix);
    String secret = uploadPdf("alice", "secret-" + suffix + ".pdf", "alice's secret");
    assertThat(shareLink("bob", secret).statusCode()).isEqualTo(403);
    HttpResponse<String> grant = http.json("bob", "POST", "/api/v1/files/" + folder + "/access",
        "{\"user\":\"bob\",\"role\":\"ADMIN\"}");
    assertThat(grant.statusCode()).as(grant.body()).isEqualTo(201);

    HttpResponse<String> move = http.json("bob", "PATCH", "/api/v1/files/" + secret, "{\"folder\":\"" + folder + "\"}");
    assertThat(move.statusCode()).as(move.body()).isEqualTo(403);
    assertThat(move.body()).contains("\"kind\":\"PERMISSION_DENIED\"").contains("SHARE");
    assertThat(shareLink("bob", secret).statusCode()).isEqualTo(403);
    assertThat(http.get("bob", "/api/v1/files/" + secret + "/permissions").body()).doesNotContain("SHARE");
  }

  @Test
  void editor_grantsOnItsFolderAfterAnotherUploadedIntoIt_grantIsRefused() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String folder = folder("bob", "bridge", "drop-" + suffix);
    HttpResponse<String> upload = http.multipart("alice", "/api/v1/projects/bridge/files?folder=" + folder,
        "in-bobs-folder-" + suffix + ".pdf", Samples.pdf("alice's, in bob's folder"));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);

    HttpResponse<String> grant = http.json("bob", "POST", "/api/v1/files/" + folder + "/access",
        "{\"user\":\"bob\",\"role\":\"ADMIN\"}");
    assertThat(grant.statusCode()).as(grant.body()).isEqualTo(403);
    assertThat(shareLink("bob", member(upload.body(), "id")).statusCode()).isEqualTo(403);
  }

  @Test
  void organizationAdmin_addsItselfToAnothersVaultProject_isRefused() {
    String vault = vaultUpload("bob", "vault-secret-" + UUID.randomUUID() + ".pdf");
    assertThat(http.get("alice", "/api/vault/files/" + vault + "/download/").statusCode()).isEqualTo(404);

    HttpResponse<String> join = http.json("alice", "POST", "/api/v1/projects/vault-bob/members",
        "{\"user\":\"alice\",\"role\":\"VIEWER\"}");
    assertThat(join.statusCode()).as(join.body()).isEqualTo(403);
    assertThat(http.get("alice", "/api/vault/files/" + vault + "/download/").statusCode()).isEqualTo(404);
    assertThat(http.get("alice", "/api/v1/files/" + vault + "/content").statusCode()).isEqualTo(404);
  }

  @Test
  void organizationAdmin_grantsItselfOnAFolderHoldingAVaultFile_orTrashesIt_isRefused() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String vault = vaultUpload("bob", "in-folder-" + suffix + ".pdf");
    String folder = folder("bob", "vault-bob", "papers-" + suffix);
    HttpResponse<String> move = http.json("bob", "PATCH", "/api/v1/files/" + vault, "{\"folder\":\"" + folder + "\"}");
    assertThat(move.statusCode()).as(move.body()).isEqualTo(200);
    // The folder is a regular item: alice, an organization admin, sees it.
    assertThat(http.get("alice", "/api/v1/files/" + folder).statusCode()).isEqualTo(200);

    HttpResponse<String> grant = http.json("alice", "POST", "/api/v1/files/" + folder + "/access",
        "{\"user\":\"alice\",\"role\":\"ADMIN\"}");
    assertThat(grant.statusCode()).as(grant.body()).isEqualTo(403);
    assertThat(http.get("alice", "/api/vault/files/" + vault + "/download/").statusCode()).isEqualTo(404);

    HttpResponse<String> trash = http.send(http.request("alice", "/api/v1/files/" + folder).DELETE());
    assertThat(trash.statusCode()).as(trash.body()).isEqualTo(403);
    assertThat(http.get("bob", "/api/vault/files/" + vault + "/download/").statusCode()).isEqualTo(200);
  }

  @Test
  void organizationAdmin_joinsATeamAVaultFileIsSharedWith_isRefused() {
    String team = "vault-readers-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(http.json("alice", "POST", "/api/v1/teams", "{\"id\":\"" + team + "\"}").statusCode()).isEqualTo(201);
    String vault = vaultUpload("bob", "for-team-" + team + ".pdf");
    HttpResponse<String> share = http.json("bob", "POST", "/api/vault/files/" + vault + "/share/",
        "{\"teams\":[\"" + team + "\"]}");
    assertThat(share.statusCode()).as(share.body()).isEqualTo(200);

    HttpResponse<String> join = http.json("alice", "POST", "/api/v1/teams/" + team + "/members", "{\"user\":\"alice\"}");
    assertThat(join.statusCode()).as(join.body()).isEqualTo(403);
    assertThat(http.get("alice", "/api/vault/files/" + vault + "/download/").statusCode()).isEqualTo(404);
    // Adding carol is refused too: alice holds no SHARE on the file to hand out.
    assertThat(http.json("alice", "POST", "/api/v1/teams/" + team + "/members", "{\"user\":\"carol\"}")
        .statusCode()).isEqualTo(403);
  }

  private String folder(String user, String project, String name) {
    HttpResponse<String> created = http.json(user, "POST", "/api/v1/projects/" + project + "/folders",
        "{\"name\":\"" + name + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return member(created.body(), "id");
  }

  private String vaultUpload(String user, String name) {
    HttpResponse<String> response = http.multipart(user, "/api/vault/files/", name, Samples.pdf("vault: " + name));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return member(response.body(), "id");
  }

  private HttpResponse<String> shareLink(String user, String file) {
    return http.json(user, "POST", "/api/v1/files/" + file + "/share-links", "{}");
  }
}
