package io.stockage.examples.server;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The browser's pages: the sign-in form, and the shell of the web UI (bundled from
 * {@code src/main/web} into {@code /app/}) for {@code /projects} and {@code /projects/{slug}}. The
 * shell carries the session's CSRF token, which the UI sends on every request that changes
 * something; API clients keep HTTP Basic and need none.
 */
@Controller
class WebUi {
  private static final CacheControl NO_STORE = CacheControl.noStore();

  @GetMapping("/")
  String home() {
    return "redirect:/projects";
  }

  @GetMapping({"/projects", "/projects/"})
  ResponseEntity<String> projects(Principal principal, CsrfToken csrf) {
    return shell(principal, csrf);
  }

  @GetMapping({"/projects/{slug}", "/vault", "/mounts", "/mounts/{name}"})
  ResponseEntity<String> workspace(Principal principal, CsrfToken csrf) {
    return shell(principal, csrf);
  }

  @GetMapping("/login")
  ResponseEntity<String> login(HttpServletRequest request, CsrfToken csrf) {
    String message = request.getParameter("error") != null ? "<p class=\"error\" role=\"alert\">Wrong user name or password.</p>"
        : request.getParameter("logout") != null ? "<p role=\"status\">You are signed out.</p>" : "";
    return page("Sign in · Stockage", "", """
        <main>
        <form class="login" method="post" action="/login">
        <h1>Sign in to Stockage</h1>
        %s
        <label for="username">User name</label>
        <input id="username" name="username" autocomplete="username" required autofocus>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <input type="hidden" name="%s" value="%s">
        <button type="submit">Sign in</button>
        </form>
        </main>
        """.formatted(message, attr(csrf.getParameterName()), attr(csrf.getToken())));
  }

  /** Whether the signed-in user is an organization admin (the UI offers what only they may do). */
  private static boolean orgAdmin(Principal principal) {
    return principal instanceof org.springframework.security.core.Authentication a
        && a.getAuthorities().stream().anyMatch(g -> "ROLE_ORG_ADMIN".equals(g.getAuthority()));
  }

  private static ResponseEntity<String> shell(Principal principal, CsrfToken csrf) {
    return page("Stockage", """
        <meta name="user" content="%s">
        <meta name="org-admin" content="%s">
        <meta name="csrf-token" content="%s" data-header="%s" data-param="%s">
        <script type="module" src="/app/main.js"></script>
        """.formatted(attr(principal.getName()), orgAdmin(principal), attr(csrf.getToken()), attr(csrf.getHeaderName()),
        attr(csrf.getParameterName())), """
        <header id="top"></header>
        <div id="status" role="status" aria-live="polite"></div>
        <main id="app"><p>Loading…</p></main>
        """);
  }

  // A page: its title, what its head adds, and its body; the UI's style sheet on every page.
  private static ResponseEntity<String> page(String title, String head, String body) {
    return html("""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title>
        <link rel="stylesheet" href="/app/main.css">
        %s</head>
        <body>
        %s</body>
        </html>
        """.formatted(attr(title), head, body));
  }

  private static ResponseEntity<String> html(String body) {
    return ResponseEntity.ok().cacheControl(NO_STORE).contentType(new MediaType(MediaType.TEXT_HTML,
        java.nio.charset.StandardCharsets.UTF_8)).body(body);
  }

  private static String attr(String value) {
    return HtmlUtils.htmlEscape(value, "UTF-8");
  }
}
