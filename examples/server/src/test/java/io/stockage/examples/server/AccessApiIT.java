package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Access entries, explanations, teams and the Vault endpoints over HTTP. */
class AccessApiIT extends ServerIT {

  @Test
  void access_grantExplainRevoke_overHttp() {
    String folder = member(http.json("alice", "POST", "/api/v1/projects/bridge/folders",
        "{\"name\":\"shared-" + UUID.randomUUID() + "\"}").body(), "id");
    String file = uploadPdf("bob", "access-" + UUID.randomUUID() + ".pdf", "access");
    assertThat(http.json("bob", "POST", "/api/v1/files/" + file + "/access", "{\"user\":\"carol\",\"role\":\"EDITOR\"}")
        .statusCode()).isEqualTo(201);
    assertThat(http.json("carol", "POST", "/api/v1/files/" + file + "/access", "{\"user\":\"carol\",\"role\":\"ADMIN\"}")
        .statusCode()).isEqualTo(403);
    assertThat(http.json("mallory", "POST", "/api/v1/files/" + file + "/access", "{\"user\":\"mallory\",\"role\":\"VIEWER\"}")
        .statusCode()).isEqualTo(404);
    assertThat(http.json("bob", "POST", "/api/v1/files/" + folder + "/access", "{\"role\":\"VIEWER\"}").statusCode())
        .isEqualTo(400);

    HttpResponse<String> entries = http.get("carol", "/api/v1/files/" + file + "/access");
    assertThat(entries.statusCode()).isEqualTo(200);
    assertThat(entries.body()).contains("\"type\":\"user\"", "\"id\":\"carol\"", "\"role\":\"EDITOR\"");

    HttpResponse<String> explained = http.get("alice", "/api/v1/files/" + file + "/access/explain?user=carol");
    assertThat(explained.statusCode()).as(explained.body()).isEqualTo(200);
    assertThat(member(explained.body(), "role")).isEqualTo("EDITOR");
    assertThat(explained.body()).contains("\"kind\":\"PROJECT\"", "\"kind\":\"ENTRY\"");
    assertThat(http.get("carol", "/api/v1/files/" + file + "/access/explain?user=bob").statusCode()).isEqualTo(403);
    assertThat(http.get("alice", "/api/v1/files/" + file + "/access/explain?user=mallory").statusCode())
        .isEqualTo(404);
    assertThat(http.get("carol", "/api/v1/files/" + file + "/permissions").body()).contains("CHANGE");
    assertThat(http.get("carol", "/api/v1/projects/bridge/permissions").body()).as("the root: VIEWER")
        .isEqualTo("[\"VIEW\"]");
    assertThat(http.get("mallory", "/api/v1/projects/bridge/permissions").statusCode()).isEqualTo(404);

    assertThat(http.send(http.request("bob", "/api/v1/files/" + file + "/access?user=carol").DELETE()).statusCode())
        .isEqualTo(204);
    assertThat(http.get("carol", "/api/v1/files/" + file + "/permissions").body()).doesNotContain("CHANGE");
  }

  @Test
  void teams_createdByAdminAndSharedOnAProject_giveTheirMembersTheRole() {
    String team = "t-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(http.json("bob", "POST", "/api/v1/teams", "{\"id\":\"" + team + "\"}").statusCode()).isEqualTo(403);
    assertThat(http.json("alice", "POST", "/api/v1/teams", "{\"id\":\"" + team + "\",\"name\":\"Reviewers\"}")
        .statusCode()).isEqualTo(201);
    assertThat(http.json("alice", "POST", "/api/v1/teams/" + team + "/members", "{\"user\":\"carol\"}").statusCode())
        .isEqualTo(201);
    assertThat(http.get("bob", "/api/v1/teams").body()).contains(team, "carol");

    String file = uploadPdf("bob", "team-" + team + ".pdf", "team");
    assertThat(http.get("carol", "/api/v1/files/" + file + "/permissions").body()).doesNotContain("CHANGE");
    assertThat(http.json("alice", "PUT", "/api/v1/projects/bridge/teams/" + team, "{\"role\":\"EDITOR\"}")
        .statusCode()).isEqualTo(200);
    assertThat(http.get("carol", "/api/v1/projects/bridge/teams").body()).contains(team, "EDITOR");
    assertThat(http.get("carol", "/api/v1/files/" + file + "/permissions").body()).contains("CHANGE");
    assertThat(http.send(http.request("alice", "/api/v1/projects/bridge/teams/" + team).DELETE()).statusCode())
        .isEqualTo(204);
  }

  @Test
  void vault_uploadWithoutProject_isPrivateUntilShared() {
    String name = "vault-" + UUID.randomUUID() + ".pdf";
    byte[] pdf = Samples.pdf("secret");
    HttpResponse<String> uploaded = http.multipart("bob", "/api/vault/files/", name, pdf);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String id = member(uploaded.body(), "id");
    String download = "/api/vault/files/" + id + "/download/";

    assertThat(http.sendForBytes(http.request("bob", download).GET()).body()).isEqualTo(pdf);
    // alice is an organization admin: the vault ignores organization-wide permissions.
    assertThat(http.get("alice", download).statusCode()).isEqualTo(404);
    assertThat(http.get("carol", download).statusCode()).isEqualTo(404);
    assertThat(http.get("mallory", download).statusCode()).isEqualTo(404);
    assertThat(http.get("alice", "/api/vault/files/").body()).doesNotContain(id);

    HttpResponse<String> shared = http.json("bob", "POST", "/api/vault/files/" + id + "/share/",
        "{\"users\":[\"carol\"],\"teams\":[]}");
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
    assertThat(shared.body()).contains("carol", "VIEWER");
    assertThat(http.sendForBytes(http.request("carol", download).GET()).body()).isEqualTo(pdf);
    assertThat(http.get("carol", "/api/vault/files/").body()).contains(id);
    assertThat(http.get("alice", download).statusCode()).isEqualTo(404);
    assertThat(http.json("carol", "POST", "/api/vault/files/" + id + "/share/", "{\"users\":[\"alice\"]}")
        .statusCode()).isEqualTo(403);
    // A regular file is not a vault file.
    String regular = uploadPdf("bob", "regular-" + UUID.randomUUID() + ".pdf", "regular");
    assertThat(http.get("bob", "/api/vault/files/" + regular + "/download/").statusCode()).isEqualTo(404);
  }
}
