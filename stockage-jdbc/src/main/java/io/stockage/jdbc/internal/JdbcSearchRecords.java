package io.stockage.jdbc.internal;

import io.stockage.Indexed;
import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.SearchHit;
import io.stockage.SearchQuery;
import io.stockage.SearchResults;
import io.stockage.SearchSort;
import io.stockage.TeamId;
import io.stockage.spi.catalog.IndexJob;
import io.stockage.spi.catalog.PageCursor;
import io.stockage.spi.catalog.SearchDocument;
import io.stockage.spi.catalog.SearchRecords;
import io.stockage.spi.catalog.SearchSpec;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The index job queue ({@code index_jobs}) and the search documents ({@code search_documents}).
 * A document's {@code tsvector} is built here, in SQL, from the texts the engine extracted: each
 * part in English and French ({@code stockage_en}, {@code stockage_fr}: unaccent, then the
 * language's stemmer), weighted name A, metadata B, body C. A search parses its text in both
 * languages and OR-s them, and filters by permission in the same statement.
 */
public final class JdbcSearchRecords implements SearchRecords {
  /** The most text a tsvector is built from (PostgreSQL caps a tsvector at 1 MB). */
  static final int MAX_INDEXED_CHARS = 400_000;
  /** The most text kept for snippets. */
  static final int MAX_SNIPPET_SOURCE = 64 * 1024;

  private static final String BOTH = "(to_tsvector('stockage_en', %1$s) || to_tsvector('stockage_fr', %1$s))";
  // Name and metadata are short: both languages. The body, most of the work, in its own language when
  // it is clear (SearchText.language): a query is parsed in both, so either parse finds it. The texts
  // are unaccented whole before the parser (t.*): the configurations' unaccent dictionary, run word by
  // word, then meets ASCII words it passes by — the same lexemes, 12% less of the parse's time.
  private static final String HEAD = "setweight(" + BOTH.formatted("t.name") + ", 'A') || setweight("
      + BOTH.formatted("t.metadata") + ", 'B') || setweight(";
  private static final Map<SearchText.Language, String> TSV = Map.of(
      SearchText.Language.UNSURE, HEAD + BOTH.formatted("t.indexed") + ", 'C')",
      SearchText.Language.ENGLISH, HEAD + "to_tsvector('stockage_en', t.indexed), 'C')",
      SearchText.Language.FRENCH, HEAD + "to_tsvector('stockage_fr', t.indexed), 'C')");
  private static final String QUERY =
      "(websearch_to_tsquery('stockage_en', :text) || websearch_to_tsquery('stockage_fr', :text))";
  // Weights of D, C, B, A for ts_rank_cd; a partial name match adds a little.
  private static final String RANK = "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.tsv, " + QUERY + ")";
  private static final String START = "\u27e6";
  private static final String STOP = "\u27e7";
  private static final String HEADLINE = "'StartSel=" + START + ", StopSel=" + STOP
      + ", MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=\" … \"'";

  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcSearchRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public List<IndexJob> claim(String node, Instant now, Instant until, int limit) {
    return handle.createQuery("""
            UPDATE index_jobs j SET leased_by = :node, leased_until = :until, attempts = j.attempts + 1
            WHERE j.id IN (SELECT id FROM index_jobs
                WHERE failed_at IS NULL AND run_after <= :now AND (leased_until IS NULL OR leased_until < :now)
                ORDER BY run_after, id LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING j.id, j.org_id, j.item_id, j.revision, j.attempts, j.reason""")
        .bind("node", node)
        .bind("now", Rows.at(now))
        .bind("until", Rows.at(until))
        .bind("limit", limit)
        .map((rows, ctx) -> {
          int revision = rows.getInt("revision");
          return new IndexJob(rows.getLong("id"), OrgId.of(rows.getString("org_id")),
              ItemId.of(Rows.uuid(rows, "item_id")), rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(revision),
              rows.getInt("attempts"), rows.getString("reason"));
        })
        .list();
  }

  @Override
  public boolean complete(IndexJob job, String node, Optional<SearchDocument> document, Instant now) {
    if (!drop(job, node)) {
      return false;
    }
    if (document.isEmpty()) {
      handle.createUpdate("DELETE FROM search_documents WHERE item_id = :item").bind("item", job.item().value())
          .execute();
      return true;
    }
    SearchDocument d = document.get();
    String indexed = cap(d.body(), MAX_INDEXED_CHARS);
    // The item may have been purged since the worker read it: then nothing is written (its document
    // went with it), and the row lock keeps a purge from slipping in before the insert.
    handle.createUpdate("INSERT INTO search_documents (item_id, org_id, project_id, revision, name_key, tsv, body,"
            + " keywords, properties, error, indexed_at) SELECT i.id, :org, i.project_id, CAST(:revision AS integer),"
            + " :nameKey, " + TSV.get(SearchText.language(indexed))
            + ", left(:indexed, " + MAX_SNIPPET_SOURCE + "),"
            + " :keywords, CAST(:properties AS jsonb), :error, CAST(:now AS timestamptz)"
            + " FROM items i, (SELECT unaccent(:name) AS name, unaccent(:metadata) AS metadata,"
            + " unaccent(:indexed) AS indexed) t WHERE i.id = :item FOR KEY SHARE OF i"
            + " ON CONFLICT (item_id) DO UPDATE SET revision = EXCLUDED.revision, name_key = EXCLUDED.name_key,"
            + " tsv = EXCLUDED.tsv, body = EXCLUDED.body, keywords = EXCLUDED.keywords,"
            + " properties = EXCLUDED.properties, error = EXCLUDED.error, indexed_at = EXCLUDED.indexed_at")
        .bind("item", d.item().value())
        .bind("org", d.org().value())
        .bind("revision", d.revision().isPresent() ? d.revision().getAsInt() : null)
        .bind("nameKey", SearchText.key(d.name()))
        .bind("name", SearchText.nameWords(d.name()))
        .bind("metadata", cap(d.metadata(), MAX_INDEXED_CHARS))
        .bind("indexed", indexed)
        .bindArray("keywords", String.class, d.keywords())
        .bind("properties", Json.fields(new LinkedHashMap<>(d.properties())))
        .bind("error", d.error().orElse(null))
        .bind("now", Rows.at(now))
        .execute();
    return true;
  }

  @Override
  public boolean drop(IndexJob job, String node) {
    return handle.createUpdate("DELETE FROM index_jobs WHERE id = :id AND leased_by = :node")
        .bind("id", job.id())
        .bind("node", node)
        .execute() > 0;
  }

  @Override
  public void fail(IndexJob job, String node, String error, Optional<Instant> retryAt) {
    handle.createUpdate("UPDATE index_jobs SET leased_by = NULL, leased_until = NULL, last_error = :error,"
            + " run_after = coalesce(:retry, run_after), failed_at = CASE WHEN :final THEN now() END"
            + " WHERE id = :id AND leased_by = :node")
        .bind("error", cap(error, 2000))
        .bind("retry", retryAt.map(Rows::at).orElse(null))
        .bind("final", retryAt.isEmpty())
        .bind("id", job.id())
        .bind("node", node)
        .execute();
  }

  @Override
  public Optional<SearchDocument> document(ItemId item) {
    return handle.createQuery("SELECT d.item_id, d.org_id, d.revision, i.name, d.body, d.keywords,"
            + " CAST(d.properties AS text) AS properties, d.error, d.indexed_at FROM search_documents d"
            + " JOIN items i ON i.id = d.item_id WHERE d.item_id = :item")
        .bind("item", item.value())
        .map((rows, ctx) -> {
          Indexed indexed = indexed(rows, "");
          return new SearchDocument(indexed.item(), OrgId.of(rows.getString("org_id")), indexed.revision(),
              rows.getString("name"), "", rows.getString("body"), indexed.keywords(), indexed.properties(),
              indexed.error(), indexed.indexedAt());
        })
        .findOne();
  }

  @Override
  public List<ItemId> enqueueAll(OrgId org, Optional<ItemId> after, int limit, Instant now) {
    // The database orders the batch: uuids compare as unsigned bytes there, not as Java compares them.
    return handle.createQuery("""
            WITH queued AS (
              INSERT INTO index_jobs (org_id, item_id, revision, reason, run_after, created_at)
              SELECT i.org_id, i.id, CASE WHEN i.type = 'FILE' THEN i.revision END, :reason, :now, :now
              FROM items i WHERE i.org_id = :org AND i.deleted_at IS NULL AND i.id > :after
              ORDER BY i.id LIMIT :limit
              RETURNING item_id)
            SELECT item_id FROM queued ORDER BY item_id""")
        .bind("org", org.value())
        .bind("after", after.map(ItemId::value).orElse(new java.util.UUID(0, 0)))
        .bind("limit", limit)
        .bind("now", Rows.at(now))
        .bind("reason", IndexJob.REINDEX)
        .map((rows, ctx) -> ItemId.of(Rows.uuid(rows, "item_id")))
        .list();
  }

  @Override
  public long pending(OrgId org) {
    return handle.createQuery("SELECT count(*) FROM index_jobs WHERE org_id = :org")
        .bind("org", org.value())
        .mapTo(Long.class)
        .one();
  }

  @Override
  public SearchResults search(SearchSpec spec, PageRequest page) {
    SearchQuery q = spec.query();
    boolean hasText = !q.text().isBlank();
    SearchSort sort = !hasText && q.sort() == SearchSort.RELEVANCE ? SearchSort.NEWEST : q.sort();
    Visible seen = visible(spec);
    Where where = where(spec, hasText, seen);
    String rank = !hasText ? "0" : where.partial() ? RANK + " + CASE WHEN d.name_key LIKE :like THEN 0.05 ELSE 0 END"
        : RANK;
    String matches = where.visible().stream()
        .map(visible -> "SELECT i.id, i.name, i.updated_at, i.project_id, i.mime_type, (" + rank + ")::real AS rank"
            + " FROM search_documents d JOIN items i ON i.id = d.item_id WHERE " + where.sql() + " AND " + visible)
        .collect(java.util.stream.Collectors.joining(" UNION "));
    Optional<PageCursor> after = PageCursor.of(page, 2);
    String order;
    String keyset;
    switch (sort) {
      case RELEVANCE -> {
        order = "m.rank DESC, m.id";
        keyset = "(m.rank < CAST(:k0 AS real) OR (m.rank = CAST(:k0 AS real) AND m.id > CAST(:k1 AS uuid)))";
      }
      case NEWEST -> {
        order = "m.updated_at DESC, m.id DESC";
        keyset = "(m.updated_at, m.id) < (CAST(:k0 AS timestamptz), CAST(:k1 AS uuid))";
      }
      default -> {
        order = "m.name COLLATE \"C\", m.id";
        keyset = "(m.name COLLATE \"C\", m.id) > (:k0 COLLATE \"C\", CAST(:k1 AS uuid))";
      }
    }
    // One statement: the matches computed once (ranked, filtered by permission), then the page, its
    // snippets, and both facets read from them; the facets come on every row, and on one row of
    // nulls when the page is empty.
    String facets = "SELECT (SELECT json_object_agg(k, n ORDER BY n DESC, k) FROM (SELECT p.slug AS k, count(*) AS n"
        + " FROM m JOIN projects p ON p.id = m.project_id GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100) f) AS by_project,"
        + " (SELECT json_object_agg(k, n ORDER BY n DESC, k) FROM (SELECT m.mime_type AS k, count(*) AS n FROM m"
        + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100) f) AS by_type";
    String pageSql = "SELECT pm.rank, p.slug AS project_slug, d.item_id AS d_item_id, d.revision AS d_revision,"
        + " d.keywords AS d_keywords, CAST(d.properties AS text) AS d_properties, d.error AS d_error,"
        + " d.indexed_at AS d_indexed_at, "
        + (hasText ? "ts_headline('stockage_en', d.body, " + QUERY + ", " + HEADLINE + ") AS body_snippet, "
            + "ts_headline('stockage_en', i.name, " + QUERY + ", " + HEADLINE + ") AS name_snippet, "
            : "'' AS body_snippet, '' AS name_snippet, ")
        + JdbcItemRecords.SELECT.substring("SELECT ".length())
        + " JOIN (SELECT * FROM m" + (after.isPresent() ? " WHERE " + keyset : "")
        + " ORDER BY " + order + " LIMIT :limit) pm ON pm.id = i.id"
        + " JOIN search_documents d ON d.item_id = i.id JOIN projects p ON p.id = i.project_id";
    String sql = where.ctes() + ", m AS MATERIALIZED (" + matches + "), facets AS (" + facets + ")"
        + " SELECT facets.by_project, facets.by_type, hit.* FROM facets LEFT JOIN (" + pageSql + ") hit ON true"
        + " ORDER BY " + order.replace("m.", "hit.");
    Query query = where.bind(handle.createQuery(sql)).bind("limit", page.size() + 1);
    after.ifPresent(c -> {
      query.bind("k0", sort == SearchSort.NEWEST ? Rows.at(c.instant(0)).toString() : c.get(0));
      query.bind("k1", c.uuid(1).toString());
    });
    List<Map<String, Long>> facetCounts = new ArrayList<>();
    List<SearchHit> rows = new ArrayList<>();
    query.map((r, ctx) -> {
      if (facetCounts.isEmpty()) {
        facetCounts.add(counts(r.getString("by_project")));
        facetCounts.add(counts(r.getString("by_type")));
      }
      return r.getObject("id") == null ? Optional.<SearchHit>empty() : Optional.of(new SearchHit(
          JdbcItemRecords.item(r, ctx), r.getFloat("rank"),
          hasText ? snippet(r.getString("body_snippet"), r.getString("name_snippet")) : "", indexed(r, "d_")));
    }).forEach(hit -> hit.ifPresent(rows::add));
    // The rank is a real in the database: its float's text is the exact key of the next page.
    Page<SearchHit> hits = PageCursor.page(rows, page, hit -> switch (sort) {
      case RELEVANCE -> PageCursor.of(Float.toString((float) hit.rank()), hit.item().id().value().toString());
      case NEWEST -> PageCursor.of(hit.item().updatedAt().toString(), hit.item().id().value().toString());
      case NAME -> PageCursor.of(hit.item().name(), hit.item().id().value().toString());
    });
    return new SearchResults(hits, facetCounts.isEmpty() ? Map.of() : facetCounts.get(0),
        facetCounts.isEmpty() ? Map.of() : facetCounts.get(1));
  }

  // What a search_documents row holds of its item, from its columns named with the prefix.
  private static Indexed indexed(ResultSet rows, String prefix) throws SQLException {
    int revision = rows.getInt(prefix + "revision");
    OptionalInt rev = rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(revision);
    Array keywords = rows.getArray(prefix + "keywords");
    List<String> words = Arrays.asList((String[]) keywords.getArray());
    keywords.free();
    Map<String, String> properties = new LinkedHashMap<>();
    Json.fields(rows.getString(prefix + "properties")).forEach((k, v) -> properties.put(k, String.valueOf(v)));
    return new Indexed(ItemId.of(Rows.uuid(rows, prefix + "item_id")), rev, properties, words,
        Optional.ofNullable(rows.getString(prefix + "error")), Rows.instant(rows, prefix + "indexed_at"));
  }

  // A facet's counts, most first, from the JSON object the statement built (null: no match).
  private static Map<String, Long> counts(String json) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (json != null) {
      Json.ordered(json).forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
    }
    return counts;
  }

  // The page's snippet: the body's passage when a word matched there, else the name's.
  private static String snippet(String body, String name) {
    String chosen = body != null && body.contains(START) ? body : name != null && name.contains(START) ? name : "";
    return SearchText.escapeHtml(chosen).replace(START, "<mark>").replace(STOP, "</mark>");
  }

  private static String cap(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static Where where(SearchSpec spec, boolean hasText, Visible seen) {
    SearchQuery q = spec.query();
    List<String> ctes = new ArrayList<>();
    // Items shared with the user or a team, and everything below them (entries apply below).
    ctes.add("shared(id) AS (SELECT a.item_id FROM item_access a JOIN items s ON s.id = a.item_id"
        + " WHERE s.org_id = :org AND ((a.principal_type = 'USER' AND a.principal_id = :user)"
        + " OR (a.principal_type = 'TEAM' AND a.principal_id = ANY (CAST(:teams AS text[]))))"
        + " UNION SELECT c.id FROM items c JOIN shared ON c.parent_id = shared.id)");
    StringBuilder sql = new StringBuilder("d.org_id = :org AND i.org_id = :org AND i.deleted_at IS NULL");
    // No condition on a parameter's value in the statement: each shape gets its own plan (a
    // generic plan of "tsv @@ q OR (:like <> '' AND ...)" scanned every document).
    String like = hasText ? partialName(q.text()) : "";
    if (hasText) {
      sql.append(like.isEmpty() ? " AND d.tsv @@ " + QUERY : " AND (d.tsv @@ " + QUERY + " OR d.name_key LIKE :like)");
    }
    // What the subject may see, as the listings' rules say: its projects' items, the regular items
    // of the organization when it may view them all, its own, and what is shared with it. One OR
    // of them is estimated at most of the organization whatever the subject sees, so the plan
    // starts from the documents matching the words: right when the subject sees much of them. A
    // subject who sees a small part gets one branch per rule, united instead: each has a plan of
    // its own (the projects' branch intersects the word's index with the projects' index, the
    // owner's starts from the owner's index). Measured at 100,000 documents (docs/architecture.md).
    String member = "d.project_id = ANY (CAST(:projects AS uuid[]))";
    String owned = "i.owner_id = :user";
    String shared = "i.id IN (SELECT id FROM shared)";
    List<String> visible = spec.regular() ? List.of("(NOT i.vault OR " + member + " OR " + owned + " OR " + shared + ")")
        : seen.narrow() ? List.of(member, owned, shared)
        : List.of("(" + member + " OR " + owned + " OR " + shared + ")");
    spec.project().ifPresent(p -> sql.append(" AND d.project_id = :project"));
    if (spec.folder().isPresent()) {
      ctes.add("below(id) AS (SELECT c.id FROM items c WHERE c.parent_id = :folder"
          + " UNION SELECT c.id FROM items c JOIN below ON c.parent_id = below.id)");
      sql.append(" AND i.id IN (SELECT id FROM below)");
    }
    q.mount().ifPresent(m -> sql.append(" AND i.mount = :mount"));
    if (!q.types().isEmpty()) {
      sql.append(" AND i.mime_type = ANY (CAST(:types AS text[]))");
    }
    List<String> tags = List.copyOf(q.tags());
    for (int n = 0; n < tags.size(); n++) {
      sql.append(" AND EXISTS (SELECT 1 FROM item_tags it JOIN tags t ON t.id = it.tag_id WHERE it.item_id = i.id")
          .append(" AND t.name = :tag").append(n).append(')');
    }
    List<Map.Entry<String, String>> fields = List.copyOf(q.fields().entrySet());
    for (int n = 0; n < fields.size(); n++) {
      sql.append(" AND i.custom_fields ->> :fieldName").append(n).append(" = :fieldValue").append(n);
    }
    q.uploadedBy().ifPresent(u -> sql.append(" AND i.owner_id = :owner"));
    q.from().ifPresent(f -> sql.append(" AND i.updated_at >= :from"));
    q.to().ifPresent(t -> sql.append(" AND i.updated_at < :to"));
    return new Where("WITH RECURSIVE " + String.join(", ", ctes) + " ", sql.toString(), visible, !like.isEmpty(),
        query -> {
      query.bind("org", spec.org().value())
          .bind("user", spec.user().value())
          .bindArray("teams", String.class, spec.teams().stream().map(TeamId::value).toList())
          .bindArray("projects", java.util.UUID.class, seen.projects());
      if (hasText) {
        query.bind("text", q.text());
      }
      if (!like.isEmpty()) {
        query.bind("like", like);
      }
      spec.project().ifPresent(p -> query.bind("project", p.value()));
      spec.folder().ifPresent(f -> query.bind("folder", f.value()));
      q.mount().ifPresent(m -> query.bind("mount", m));
      if (!q.types().isEmpty()) {
        query.bindArray("types", String.class, List.copyOf(q.types()));
      }
      for (int n = 0; n < tags.size(); n++) {
        query.bind("tag" + n, tags.get(n));
      }
      for (int n = 0; n < fields.size(); n++) {
        query.bind("fieldName" + n, fields.get(n).getKey()).bind("fieldValue" + n, fields.get(n).getValue());
      }
      q.uploadedBy().ifPresent(u -> query.bind("owner", u.value()));
      q.from().ifPresent(f -> query.bind("from", Rows.at(f)));
      q.to().ifPresent(t -> query.bind("to", Rows.at(t)));
      return query;
    });
  }

  /**
   * The projects of the organization the subject or one of its teams is a member of, given to the
   * search as values so that the planner sizes them from the documents' statistics; and whether
   * they are a small part of what the search covers (under a tenth of the organization's
   * projects, or, within one project, not that one).
   */
  private record Visible(List<java.util.UUID> projects, boolean narrow) {}

  private Visible visible(SearchSpec spec) {
    List<Map.Entry<java.util.UUID, Boolean>> all = handle.createQuery("SELECT p.id, p.id IN (SELECT m.project_id"
            + " FROM project_members m WHERE (m.principal_type = 'USER' AND m.principal_id = :user)"
            + " OR (m.principal_type = 'TEAM' AND m.principal_id = ANY (CAST(:teams AS text[])))) AS member"
            + " FROM projects p WHERE p.org_id = :org")
        .bind("org", spec.org().value())
        .bind("user", spec.user().value())
        .bindArray("teams", String.class, spec.teams().stream().map(TeamId::value).toList())
        .map((r, ctx) -> Map.entry(r.getObject("id", java.util.UUID.class), r.getBoolean("member")))
        .list();
    List<java.util.UUID> projects = all.stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    boolean narrow = spec.project()
        .map(p -> !projects.contains(p.value()))
        .orElse(projects.size() * 10L < all.size());
    return new Visible(projects, narrow);
  }

  // A query of one bare word of three letters or more also matches inside names (trigram index).
  private static String partialName(String text) {
    String word = text.strip();
    if (word.length() < 3 || !word.matches("[\\p{L}\\p{N}_.]+")) {
      return "";
    }
    return "%" + likeEscaped(SearchText.key(word)) + "%";
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** A search's filter: its CTEs, its condition, and how to bind them. */
  private record Where(String ctes, String sql, List<String> visible, boolean partial,
      java.util.function.UnaryOperator<Query> binder) {
    Query bind(Query query) {
      return binder.apply(query);
    }
  }
}
