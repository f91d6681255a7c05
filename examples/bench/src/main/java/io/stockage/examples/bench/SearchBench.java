package io.stockage.examples.bench;

import io.stockage.ItemId;
import io.stockage.Mount;
import io.stockage.NewProject;
import io.stockage.OrgId;
import io.stockage.OrgPermission;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.ProjectRole;
import io.stockage.SearchHit;
import io.stockage.SearchQuery;
import io.stockage.Subject;
import io.stockage.core.StockageEngine;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.spi.catalog.Catalog;
import io.stockage.spi.catalog.IndexJob;
import io.stockage.spi.catalog.SearchDocument;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Search side by side: Stockage's PostgreSQL full-text search (permission in the query, snippets,
 * facet counts by project and type, cursor paging), an in-process Apache Lucene index of the same
 * corpus (what a Java team would reach for; permission as a filter on project ids, UnifiedHighlighter
 * snippets, the same facets from doc values), and a naive
 * {@code ILIKE} on the same rows. The corpus: documents of 2–20 KB of Zipf-distributed words from
 * Debian's French and English word lists ({@code wfrench}, {@code wamerican}; made-up words when
 * they are not installed), in 100 projects, searched by a subject who sees 1% and one who sees
 * 50%. {@code -Dstockage.bench.search.docs=N} sets the corpus size (default 20,000).
 */
public final class SearchBench {
  static final int PROJECTS = 100;
  static final int PAGE = 20;
  static final String MIME_TYPE = "application/pdf";
  private static final int RUNS = Integer.getInteger("stockage.bench.search.runs", 20);
  private static final int ILIKE_FULL_RUNS_UP_TO = 20_000;
  // Past ILIKE_FULL_RUNS_UP_TO documents an ILIKE cell is stopped after this long (at 1,000,000 one
  // reads every visible document's text: minutes a cell).
  private static final int ILIKE_LIMIT_SECONDS = 60;
  private static final Subject ALICE = Subject.of("bench", "alice", OrgPermission.CREATE_PROJECT);
  private static final Subject FEW = Subject.of("bench", "few");
  private static final Subject HALF = Subject.of("bench", "half");
  // The server sized as a host sizes one (PostgreSQL's guide: shared_buffers a quarter of the
  // memory; this machine has 24 GiB): with the default 128 MB, ranking a frequent word's matches
  // read their vectors from the operating system's cache one page at a time.
  private static final Map<String, String> SERVER = Map.of("shared_buffers", "4GB", "max_wal_size", "4GB");

  private SearchBench() {}

  /** Argument: a work directory. */
  public static void main(String[] args) throws Exception {
    int docs = Integer.getInteger("stockage.bench.search.docs", 20_000);
    Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"))
        .toAbsolutePath());
    Path base = Files.createTempDirectory(work, "stockage-search-bench-");
    boolean sized = PostgresFixture.configureEmbedded(SERVER);
    Corpus corpus = Corpus.create(docs);
    System.out.println("Stockage search benchmark");
    System.out.printf(Locale.ROOT, "  JVM: %s %s, %d processors; corpus: %,d documents of 2-20 KB, %s, %d projects%n",
        System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(), docs,
        corpus.source(), PROJECTS);
    System.out.println(sized ? "  PostgreSQL: embedded, " + new TreeMap<>(SERVER) + ", fsync off"
        : "  PostgreSQL: the external server's own settings");
    try (TestDatabase db = PostgresFixture.create()) {
      StockageEngine engine = StockageEngine.builder()
          .catalog(JdbcCatalog.create(db.dataSource()))
          .mount(Mount.managed("main", FileSystemProvider.create(Files.createDirectories(base.resolve("storage")))))
          .indexing(false, Duration.ofSeconds(1), Duration.ofMinutes(5))
          .build();
      try (engine) {
        List<UUID> projects = projects(engine);
        Map<UUID, Integer> items = insertItems(db, projects, docs);
        double pgRate = indexInStockage(db, items, corpus);
        progress("stockage indexed %,d documents at %,.0f docs/s", docs, pgRate);
        // What autovacuum does in time: the pending list merged, the planner's statistics (the GIN
        // index's own among them) brought up to the load; measured right after a bulk load, the
        // queries would measure how far autovacuum had got.
        double vacuumSeconds = vacuumAnalyze(db);
        long pgBytes = single(db, "SELECT pg_total_relation_size('search_documents')");
        Path luceneDir = base.resolve("lucene");
        SearchLucene lucene = SearchLucene.build(luceneDir, items, projects, corpus);
        progress("vacuum %.1f s; lucene indexed at %,.0f docs/s", vacuumSeconds, lucene.rate());
        Queries queries = Queries.pick(corpus);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("query", "subject", "page", "stockage p50/p95 ms", "lucene p50/p95 ms", "ILIKE p50/p95 ms",
            "stockage p95 <= 150"));
        Map<Subject, Set<String>> visible = Map.of(FEW, ids(projects.subList(0, 1)), HALF,
            ids(projects.subList(0, PROJECTS / 2)));
        for (Map.Entry<String, String> q : queries.all().entrySet()) {
          for (Subject subject : List.of(FEW, HALF)) {
            for (int page : List.of(1, 10)) {
              PageRequest request = cursorOf(engine, subject, q.getValue(), page);
              Stats pg = time(() -> engine.search().search(subject, SearchQuery.of(q.getValue()), request).page()
                  .items().size());
              Stats lu = time(() -> lucene.page(q.getValue(), visible.get(subject), page));
              // ILIKE reads every document's text: past 20,000 documents, once per cell (its cost is plain).
              boolean large = docs > ILIKE_FULL_RUNS_UP_TO;
              int limit = large ? ILIKE_LIMIT_SECONDS : 0;
              Supplier<Integer> ilike = () -> ilikePage(db, queries.likePattern(q.getKey()), visible.get(subject), page,
                  limit);
              Stats like = large ? time(ilike, 0, 1) : time(ilike);
              String likeText = large && like.p50() >= ILIKE_LIMIT_SECONDS * 1000.0
                  ? String.format(Locale.ROOT, "> %,d (stopped)", ILIKE_LIMIT_SECONDS * 1000) : like.text();
              rows.add(List.of(q.getKey() + " " + q.getValue(), subject.user().value(), Integer.toString(page),
                  pg.text(), lu.text(), likeText, pg.p95() <= 150 ? "met" : "NOT met"));
              progress("%s", String.join(" | ", rows.get(rows.size() - 1)));
            }
          }
        }
        System.out.print(TextTable.format(rows, 3));
        System.out.printf(Locale.ROOT, "  indexing (extracted text to index): stockage %,.0f docs/s (target >= 500: %s),"
            + " lucene %,.0f docs/s; the VACUUM ANALYZE after it %.1f s%n", pgRate, pgRate >= 500 ? "met" : "NOT met",
            lucene.rate(), vacuumSeconds);
        System.out.printf(Locale.ROOT, "  index size per document: stockage %,.0f bytes (tsvector, trigram name, 64 KB"
            + " snippet text, GIN), lucene %,.0f bytes (postings in two analyzers, stored text, facet doc values)%n",
            (double) pgBytes / docs, (double) lucene.bytes() / docs);
        System.out.printf("  queries after VACUUM ANALYZE; %d runs per cell after 3 warm-up (ILIKE: one run, no warm-up,"
            + " past %,d documents, stopped after %d s);"
            + " pages of %d; page 10 by cursor (stockage), top-200 slice (lucene), OFFSET (ILIKE); every engine"
            + " returns snippets; stockage and lucene count every visible match by project and type (facets), ILIKE"
            + " does not%n", RUNS, ILIKE_FULL_RUNS_UP_TO, ILIKE_LIMIT_SECONDS, PAGE);
      }
    }
  }

  // A long run (1,000,000 documents: hours) says where it is on standard error.
  private static void progress(String format, Object... args) {
    System.err.println("[" + java.time.LocalTime.now().withNano(0) + "] " + String.format(Locale.ROOT, format, args));
  }

  private static List<UUID> projects(StockageEngine engine) {
    List<UUID> ids = new ArrayList<>();
    for (int p = 0; p < PROJECTS; p++) {
      String slug = "p" + p;
      ids.add(engine.projects().create(ALICE, NewProject.of(slug, "Project " + p)).id().value());
      if (p == 0) {
        engine.projects().addMember(ALICE, slug, FEW.user(), ProjectRole.VIEWER);
      }
      if (p < PROJECTS / 2) {
        engine.projects().addMember(ALICE, slug, HALF.user(), ProjectRole.VIEWER);
      }
    }
    return ids;
  }

  private static Set<String> ids(List<UUID> projects) {
    Set<String> out = new LinkedHashSet<>();
    projects.forEach(p -> out.add(p.toString()));
    return out;
  }

  // Item rows straight into the catalog: the search is measured, not the upload.
  private static Map<UUID, Integer> insertItems(TestDatabase db, List<UUID> projects, int docs) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
      String array = "ARRAY[" + String.join(",", projects.stream().map(p -> "'" + p + "'::uuid").toList()) + "]";
      st.execute("INSERT INTO items (id, org_id, project_id, parent_id, type, name, mount, size, mime_type, sha256,"
          + " revision, owner_id, created_at, updated_at) SELECT gen_random_uuid(), 'bench', (" + array + ")[1 + g % "
          + PROJECTS + "], NULL, 'FILE', 'doc-' || g || '.pdf', 'main', 1, '" + MIME_TYPE + "', '', 1, 'alice', now(),"
          + " now() FROM generate_series(0, " + (docs - 1) + ") g");
      st.execute("ANALYZE items");
      Map<UUID, Integer> out = new HashMap<>();
      try (ResultSet rs = st.executeQuery("SELECT id, name FROM items WHERE org_id = 'bench'")) {
        while (rs.next()) {
          String name = rs.getString(2);
          out.put(rs.getObject(1, UUID.class), Integer.parseInt(name.substring(4, name.length() - 4)));
        }
      }
      return out;
    }
  }

  private static double vacuumAnalyze(TestDatabase db) throws SQLException {
    long start = System.nanoTime();
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("VACUUM ANALYZE");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  // The index write path of the worker: jobs queued, leased, and ended with their documents.
  private static double indexInStockage(TestDatabase db, Map<UUID, Integer> items, Corpus corpus) {
    Catalog catalog = JdbcCatalog.create(db.dataSource());
    OrgId org = OrgId.of("bench");
    Instant now = Instant.now();
    long start = System.nanoTime();
    Optional<ItemId> after = Optional.empty();
    List<ItemId> batch;
    do {
      Optional<ItemId> from = after;
      batch = catalog.inTransaction(s -> s.search().enqueueAll(org, from, 1000, now));
      after = batch.isEmpty() ? after : Optional.of(batch.get(batch.size() - 1));
    } while (batch.size() == 1000);
    // As many workers as the indexer runs on this machine, each leasing batches of its own.
    onEveryProcessor("index-writer", w -> {
      String node = "bench-" + w;
      List<IndexJob> jobs;
      do {
        jobs = catalog.inTransaction(s -> s.search().claim(node, now, now.plusSeconds(600), 100));
        List<IndexJob> claimed = jobs;
        catalog.inTransaction(s -> {
          for (IndexJob job : claimed) {
            int n = items.get(job.item().value());
            String text = corpus.text(n);
            s.search().complete(job, node, Optional.of(new SearchDocument(job.item(), org, OptionalInt.of(1),
                "doc-" + n + ".pdf", "", text, List.of(), Map.of(), Optional.empty(), now)), now);
          }
          return null;
        });
      } while (!jobs.isEmpty());
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    catalog.close();
    return items.size() / seconds;
  }

  /**
   * Runs {@code work} on a thread per processor (given its number), as the indexer does, and
   * returns when all are done; the first failure is thrown.
   */
  static void onEveryProcessor(String name, IntConsumer work) {
    List<Thread> workers = new ArrayList<>();
    List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
    for (int w = 0; w < Runtime.getRuntime().availableProcessors(); w++) {
      int number = w;
      Thread worker = new Thread(() -> {
        try {
          work.accept(number);
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }, name + "-" + w);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }

  // The request of page n, found by walking the cursors once (not timed): a client holds it.
  private static PageRequest cursorOf(StockageEngine engine, Subject subject, String text, int page) {
    PageRequest request = PageRequest.first(PAGE);
    for (int p = 1; p < page; p++) {
      Page<SearchHit> hits = engine.search().search(subject, SearchQuery.of(text), request).page();
      if (!hits.hasNext()) {
        break;
      }
      request = hits.next().orElseThrow();
    }
    return request;
  }

  // One page by ILIKE; -1 when stopped by the limit (seconds, 0 for none).
  private static int ilikePage(TestDatabase db, String pattern, Set<String> projects, int page, int limit) {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT d.item_id, substring(d.body from greatest(1, position(lower(?) in lower(d.body)) - 60) for 160)"
            + " FROM search_documents d JOIN items i ON i.id = d.item_id WHERE i.project_id = ANY (?::uuid[])"
            + " AND d.body ILIKE ? ORDER BY i.id LIMIT ? OFFSET ?")) {
      ps.setString(1, pattern.replace("%", ""));
      ps.setArray(2, c.createArrayOf("text", projects.toArray()));
      ps.setString(3, pattern);
      ps.setInt(4, PAGE);
      ps.setInt(5, (page - 1) * PAGE);
      ps.setQueryTimeout(limit);
      int n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          n++;
        }
      }
      return n;
    } catch (SQLException e) {
      if ("57014".equals(e.getSQLState())) {
        return -1;
      }
      throw new IllegalStateException(e);
    }
  }

  private static long single(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Stats time(Supplier<Integer> run) {
    return time(run, 3, RUNS);
  }

  private static Stats time(Supplier<Integer> run, int warmups, int runs) {
    for (int i = 0; i < warmups; i++) {
      run.get();
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      run.get();
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    return new Stats(millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1]);
  }

  /** Latency figures of one cell. */
  private record Stats(double p50, double p95) {
    String text() {
      return String.format(Locale.ROOT, "%.1f / %.1f", p50, p95);
    }
  }

  /**
   * The generated documents: each regenerated from its number, so the corpus is never held whole.
   * Even documents are English, odd ones French, as real documents are written in one language:
   * Zipf-distributed words of that language's list, whose first ranks are its commonest function
   * words (about a quarter of the words, as in real text).
   */
  record Corpus(Vocabulary english, Vocabulary french, String source) {
    private static final List<String> ENGLISH_FUNCTION_WORDS = List.of("the", "of", "and", "to", "in", "is", "that",
        "for", "with", "on", "as", "this", "by", "from", "at", "which", "an", "or", "are", "be");
    private static final List<String> FRENCH_FUNCTION_WORDS = List.of("de", "la", "le", "et", "les", "des", "du",
        "un", "une", "est", "pour", "dans", "sur", "avec", "que", "qui", "au", "par", "ce", "aux");

    static Corpus create(int docs) throws IOException {
      Path englishList = Path.of("/usr/share/dict/american-english");
      Path frenchList = Path.of("/usr/share/dict/french");
      List<String> english = words(englishList, 1);
      List<String> french = words(frenchList, 2);
      String source = Files.isReadable(englishList) && Files.isReadable(frenchList) ? "Debian word lists"
          : "made-up words (apt-get install wfrench wamerican for real ones)";
      return new Corpus(Vocabulary.of(ENGLISH_FUNCTION_WORDS, english), Vocabulary.of(FRENCH_FUNCTION_WORDS, french),
          source + ", Zipf s=1 over " + String.format("%,d", english.size()) + " English and "
              + String.format("%,d", french.size()) + " French words, one language per document");
    }

    private static List<String> words(Path path, int seed) throws IOException {
      List<String> words = new ArrayList<>();
      if (Files.isReadable(path)) {
        try (Stream<String> lines = Files.lines(path, java.nio.charset.StandardCharsets.UTF_8)) {
          lines.filter(w -> w.length() >= 3 && !w.contains("'")).forEach(words::add);
        }
      } else {
        Random random = new Random(seed);
        for (int i = 0; i < 100_000; i++) {
          StringBuilder w = new StringBuilder();
          for (int k = 0, n = 3 + random.nextInt(8); k < n; k++) {
            w.append((char) ('a' + random.nextInt(26)));
          }
          words.add(w.toString());
        }
      }
      Collections.shuffle(words, new Random(seed));
      return words;
    }

    /** The words queries pick from: English content words, by rank. */
    List<String> words() {
      return english.words().subList(ENGLISH_FUNCTION_WORDS.size(), english.words().size());
    }

    String text(int n) {
      Random random = new Random(n * 7919L + 13);
      int size = 2048 + random.nextInt(18 * 1024);
      Vocabulary vocabulary = n % 2 == 0 ? english : french;
      StringBuilder text = new StringBuilder(size + 32);
      while (text.length() < size) {
        text.append(vocabulary.draw(random)).append(random.nextInt(12) == 0 ? ". " : " ");
      }
      return text.toString();
    }
  }

  /** One language's words by rank, drawn with Zipf's law (s = 1). */
  private record Vocabulary(List<String> words, double[] cumulative) {
    static Vocabulary of(List<String> functionWords, List<String> contentWords) {
      List<String> words = new ArrayList<>(functionWords);
      words.addAll(contentWords);
      double[] cumulative = new double[words.size()];
      double sum = 0;
      for (int r = 0; r < words.size(); r++) {
        sum += 1.0 / (r + 1);
        cumulative[r] = sum;
      }
      return new Vocabulary(words, cumulative);
    }

    String draw(Random random) {
      int rank = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
      return words.get(rank < 0 ? -rank - 1 : rank);
    }
  }

  /** The query of each shape, picked from the corpus. */
  private record Queries(Map<String, String> all) {
    static Queries pick(Corpus corpus) {
      Map<String, String> all = new java.util.LinkedHashMap<>();
      all.put("frequent", corpus.words().get(30));
      // A rare word that occurs: the rarest word of document 8's text (English, as the ranks are).
      Map<String, Integer> rank = new HashMap<>();
      for (int r = 0; r < corpus.words().size(); r++) {
        rank.putIfAbsent(corpus.words().get(r), r);
      }
      String rare = Arrays.stream(corpus.text(8).split("[ .]+")).max(java.util.Comparator.comparingInt(
          w -> rank.getOrDefault(w, -1))).orElseThrow();
      all.put("rare", rare);
      // Two content words in a row of document 12 (a phrase of function words would say nothing).
      String[] words = corpus.text(12).split(" ");
      for (int i = 0; i + 1 < words.length; i++) {
        if (rank.containsKey(words[i]) && rank.containsKey(words[i + 1].replace(".", ""))) {
          all.put("phrase", "\"" + words[i] + " " + words[i + 1].replace(".", "") + "\"");
          break;
        }
      }
      return new Queries(all);
    }

    String likePattern(String shape) {
      return "%" + all.get(shape).replace("\"", "") + "%";
    }
  }
}
