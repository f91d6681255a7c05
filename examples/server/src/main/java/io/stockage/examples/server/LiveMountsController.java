package io.stockage.examples.server;

import io.stockage.ByteRange;
import io.stockage.Entry;
import io.stockage.EntryContent;
import io.stockage.EntryQuery;
import io.stockage.EntryUpload;
import io.stockage.ErrorKind;
import io.stockage.MountMember;
import io.stockage.MountRole;
import io.stockage.Principal;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/** Live mounts (an SMB share next to the managed storage): entries addressed by path. */
@RestController
class LiveMountsController {
  private final Stockage stockage;

  LiveMountsController(Stockage stockage) {
    this.stockage = stockage;
  }

  /** The JSON form of an entry. */
  record EntryView(String path, String name, String type, long size, Instant lastModified, String version) {
    static EntryView of(Entry e) {
      return new EntryView(e.path(), e.name(), e.directory() ? "DIRECTORY" : "FILE", e.size(), e.lastModified(),
          e.version());
    }
  }

  @GetMapping("/api/v1/mounts/{mount}/entries")
  PageView<EntryView> entries(Subject subject, @PathVariable String mount, @RequestParam(defaultValue = "") String path,
      @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "200") int size) {
    return PageView.of(stockage.live().list(subject, mount, path, Bodies.page(cursor, size)), EntryView::of);
  }

  /** The JSON form of a search. */
  record SearchView(java.util.List<EntryView> items, boolean truncated) {}

  @GetMapping("/api/v1/mounts/{mount}/search")
  SearchView search(Subject subject, @PathVariable String mount, @RequestParam String q,
      @RequestParam(defaultValue = "") String path, @RequestParam(defaultValue = "100") int max) {
    io.stockage.EntrySearch found = stockage.live().search(subject, new EntryQuery(mount, path, q, max));
    return new SearchView(found.entries().stream().map(EntryView::of).toList(), found.truncated());
  }

  @GetMapping("/api/v1/mounts/{mount}/content")
  void download(Subject subject, @PathVariable String mount, @RequestParam String path, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    Optional<ByteRange> range = HttpRanges.parse(request.getHeader(HttpHeaders.RANGE));
    try (EntryContent content = range.map(r -> stockage.live().open(subject, mount, path, r)).orElseGet(() -> stockage.live().open(subject, mount, path))) {
      Entry entry = content.entry();
      response.setStatus(content.isPartial() ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
      response.setContentType("application/octet-stream");
      response.setContentLengthLong(content.slice().length());
      response.setHeader(HttpHeaders.ETAG, "\"" + entry.version() + "\"");
      response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(entry.name(), StandardCharsets.UTF_8).build().toString());
      if (content.isPartial()) {
        response.setHeader(HttpHeaders.CONTENT_RANGE,
            "bytes " + content.slice().offset() + "-" + content.slice().last() + "/" + entry.size());
      }
      content.stream().transferTo(response.getOutputStream());
    }
  }

  @PutMapping("/api/v1/mounts/{mount}/content")
  EntryView upload(Subject subject, @PathVariable String mount, @RequestParam String path, HttpServletRequest request)
      throws IOException {
    long length = request.getContentLengthLong();
    return EntryView.of(stockage.live().put(subject, new EntryUpload(mount, path, request.getInputStream(), length >= 0 ? OptionalLong.of(length) : OptionalLong.empty())));
  }

  @PostMapping("/api/v1/mounts/{mount}/move")
  EntryView move(Subject subject, @PathVariable String mount, @RequestBody Map<String, String> body) {
    return EntryView.of(stockage.live().move(subject, mount, Bodies.required(body.get("from"), "from"), Bodies.required(body.get("to"), "to")));
  }

  @PostMapping("/api/v1/mounts/{mount}/directories")
  @ResponseStatus(HttpStatus.CREATED)
  EntryView makeDirectory(Subject subject, @PathVariable String mount, @RequestBody Map<String, String> body) {
    return EntryView.of(stockage.live().makeDirectory(subject, mount, Bodies.required(body.get("path"), "path")));
  }

  @DeleteMapping("/api/v1/mounts/{mount}/entries")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(Subject subject, @PathVariable String mount, @RequestParam String path) {
    stockage.live().delete(subject, mount, path);
  }

  /** Grants {@code {"user": name}} or {@code {"team": id}} a {@code role}. */
  @PostMapping("/api/v1/mounts/{mount}/members")
  MountMember grant(Subject subject, @PathVariable String mount, @RequestBody Map<String, String> body) {
    MountRole role;
    try {
      role = MountRole.valueOf(Bodies.required(body.get("role"), "role"));
    } catch (IllegalArgumentException e) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "'role' is VIEWER, EDITOR or MANAGER");
    }
    return stockage.live().grant(subject, mount, principal(body.get("user"), body.get("team")), role);
  }

  @DeleteMapping("/api/v1/mounts/{mount}/members/{type}/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(Subject subject, @PathVariable String mount, @PathVariable String type, @PathVariable String id) {
    stockage.live().revoke(subject, mount, principal("user".equals(type) ? id : null, "team".equals(type) ? id : null));
  }

  private static Principal principal(String user, String team) {
    if ((user == null) == (team == null)) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "name exactly one of 'user' and 'team'");
    }
    return user != null ? UserId.of(user) : TeamId.of(team);
  }
}
