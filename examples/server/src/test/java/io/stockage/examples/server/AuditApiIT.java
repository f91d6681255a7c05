package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The audit log over HTTP: for the organization's admins only. */
class AuditApiIT extends ServerIT {

  @Test
  void audit_orgAdmin_getsNewestRowsFirst() {
    uploadPdf("bob", "audited.pdf", "audited");

    HttpResponse<String> page = http.get("alice", "/api/v1/audit?size=1");

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).startsWith("{\"items\":[{\"id\":").contains("\"outcome\":\"ALLOWED\"", "\"next\":\"",
        "\"hash\":\"");
  }

  @Test
  void verify_orgAdmin_intactChain() {
    uploadPdf("bob", "verified.pdf", "verified");

    HttpResponse<String> result = http.get("alice", "/api/v1/audit/verify");

    assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
    assertThat(result.body()).contains("\"intact\":true", "\"firstBrokenId\":null");
    assertThat(Long.parseLong(member(result.body(), "rowsChecked"))).isPositive();
  }

  @Test
  void audit_notOrgAdmin_forbidden() {
    assertThat(http.get("bob", "/api/v1/audit").statusCode()).isEqualTo(403);
    assertThat(http.get("bob", "/api/v1/audit/verify").statusCode()).isEqualTo(403);
  }
}
