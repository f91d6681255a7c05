package io.stockage.core.internal.diff;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The text and page count of a PDF, with Tika's PDF parser called directly (no detection, no
 * OCR, no embedded files). The text stops at {@code maxBytes} characters; the page count
 * ({@code xmpTPg:NPages}) is read before the text, so a cut text still has it.
 */
final class PdfText {
  // Tika parsers are thread-safe; the per-call settings travel in the ParseContext.
  private static final PDFParser PARSER = new PDFParser();

  private PdfText() {}

  /**
   * Extracts the text as lines.
   *
   * @throws IOException when the content cannot be read
   * @throws TikaException when it is not a PDF the parser can read
   * @throws SAXException when the parser fails in another way
   */
  static Extraction read(InputStream in, DiffLimits limits, Deadline deadline)
      throws IOException, TikaException, SAXException {
    WriteOutContentHandler text = new WriteOutContentHandler(limits.maxBytesInt());
    Metadata metadata = new Metadata();
    boolean truncated = false;
    try (TemporaryResources temporary = new TemporaryResources();
         TikaInputStream pdf = TikaInputStream.get(in, temporary, metadata)) {
      // Spooled to a temporary file, PDFBox reads the document from disk; given a plain stream it
      // would first copy the whole document into memory.
      pdf.getPath();
      PARSER.parse(pdf, new BodyContentHandler(new Deadlined(text, deadline)), metadata, context(limits));
    } catch (SAXException | TikaException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e) && !deadline.expired()) {
        throw e;
      }
      truncated = true;
    } catch (Deadline.Expired e) {
      truncated = true;
    }
    Map<String, String> properties = new LinkedHashMap<>();
    String pages = metadata.get(PagedText.N_PAGES);
    if (pages != null) {
      properties.put("pages", pages);
    }
    TextContent.Lines lines = TextContent.split(text.toString(), limits.maxLines());
    return Extraction.text(lines.lines(), properties, truncated || lines.truncated());
  }

  private static ParseContext context(DiffLimits limits) {
    PDFParserConfig config = new PDFParserConfig();
    config.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    config.setExtractInlineImages(false);
    config.setExtractActions(false);
    // PDFBox's scratch buffers: in memory up to this, then in temporary files.
    config.setMaxMainMemoryBytes(limits.maxBytes());
    ParseContext context = new ParseContext();
    context.set(PDFParserConfig.class, config);
    context.set(EmbeddedDocumentExtractor.class, new NoEmbedded());
    return context;
  }

  /** Checks the deadline at every piece of text and every element. */
  private static final class Deadlined extends ContentHandlerDecorator {
    private final Deadline deadline;

    Deadlined(ContentHandler handler, Deadline deadline) {
      super(handler);
      this.deadline = deadline;
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
      deadline.check();
      super.startElement(uri, localName, name, atts);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      deadline.check();
      super.characters(ch, start, length);
    }
  }

  /** Attachments are not part of the page text the diff compares. */
  private static final class NoEmbedded implements EmbeddedDocumentExtractor {
    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return false;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
      // Never called: shouldParseEmbedded says no.
    }
  }
}
