package io.stockage.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * {@link SearchBench}'s corpus in an in-process Lucene index: what a Java team would reach for. A
 * page answers what Stockage's does: the top hits with snippets, and the counts of every visible
 * match by project and by type (Lucene's facet module, from doc values).
 */
record SearchLucene(IndexSearcher searcher, Analyzer analyzer, SortedSetDocValuesReaderState facets, double rate,
    long bytes) {
  private static final FacetsConfig FACETS = new FacetsConfig();

  static SearchLucene build(Path dir, Map<UUID, Integer> items, List<UUID> projects, SearchBench.Corpus corpus)
      throws IOException {
    Analyzer analyzer = new PerFieldAnalyzerWrapper(analyzer(false), Map.of("fr", analyzer(true)));
    FSDirectory directory = FSDirectory.open(dir);
    long start = System.nanoTime();
    // As many writer threads as Stockage's indexing has (an IndexWriter takes documents from many).
    List<Map.Entry<UUID, Integer>> all = new ArrayList<>(items.entrySet());
    int threads = Runtime.getRuntime().availableProcessors();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
      SearchBench.onEveryProcessor("lucene-writer", first -> {
        try {
          for (int i = first; i < all.size(); i += threads) {
            writer.addDocument(document(all.get(i), projects, corpus));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      writer.commit();
    }
    double rate = items.size() / ((System.nanoTime() - start) / 1e9);
    long bytes;
    try (Stream<Path> files = Files.list(dir)) {
      bytes = files.mapToLong(p -> p.toFile().length()).sum();
    }
    DirectoryReader reader = DirectoryReader.open(directory);
    return new SearchLucene(new IndexSearcher(reader), analyzer, new DefaultSortedSetDocValuesReaderState(reader, FACETS),
        rate, bytes);
  }

  private static Document document(Map.Entry<UUID, Integer> item, List<UUID> projects, SearchBench.Corpus corpus)
      throws IOException {
    String text = corpus.text(item.getValue());
    String project = projects.get(item.getValue() % SearchBench.PROJECTS).toString();
    Document doc = new Document();
    doc.add(new StringField("id", item.getKey().toString(), Field.Store.YES));
    doc.add(new StringField("project", project, Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField("by_project", project));
    doc.add(new SortedSetDocValuesFacetField("by_type", SearchBench.MIME_TYPE));
    doc.add(new TextField("en", text, Field.Store.YES));
    doc.add(new TextField("fr", text, Field.Store.NO));
    return FACETS.build(doc);
  }

  private static Analyzer analyzer(boolean french) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
        stream = french ? new FrenchLightStemFilter(stream) : new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  int page(String text, Set<String> projects, int page) {
    try {
      Query parsed = new MultiFieldQueryParser(new String[] {"en", "fr"}, analyzer).parse(text);
      Query query = new BooleanQuery.Builder().add(parsed, BooleanClause.Occur.MUST)
          .add(new TermInSetQuery("project", projects.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)
          .build();
      // Counting every match for the facets visits them all, as Stockage's page does.
      FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query,
          page * SearchBench.PAGE, new FacetsCollectorManager());
      // The counting is the constructor's, over every hit collected; then the top 100 of each, as Stockage's.
      Facets counts = new SortedSetDocValuesFacetCounts(facets, result.facetsCollector());
      counts.getTopChildren(100, "by_project");
      counts.getTopChildren(100, "by_type");
      TopDocs top = result.topDocs();
      ScoreDoc[] all = top.scoreDocs;
      int from = Math.min(all.length, (page - 1) * SearchBench.PAGE);
      TopDocs slice = new TopDocs(top.totalHits, Arrays.copyOfRange(all, from, all.length));
      String[] snippets = UnifiedHighlighter.builder(searcher, analyzer).build().highlight("en", parsed, slice);
      return snippets.length;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
