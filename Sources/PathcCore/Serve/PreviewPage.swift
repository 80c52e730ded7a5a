import Foundation

/// A problem shown in the preview's banner: a finding of the check, or why the site could not be
/// written.
public struct PreviewProblem: Sendable, Equatable {
    /// `file:line:column`, as the check shows it.
    public var location: String?
    /// `error[PW0102]`.
    public var code: String?
    public var message: String
    public var help: String?

    public init(location: String? = nil, code: String? = nil, message: String, help: String? = nil) {
        self.location = location
        self.code = code
        self.message = message
        self.help = help
    }

    init(_ diagnostic: Diagnostic) {
        let start = diagnostic.start
        self.init(location: "\(diagnostic.file.path):\(start.line):\(start.column)",
                  code: "\(diagnostic.severity.rawValue)[\(diagnostic.code.code)]", message: diagnostic.message, help: diagnostic.help)
    }
}

/// What a served page says about the preview: its version, and the problems of the last build.
struct PreviewStatus: Sendable {
    /// Changes with every finished build; the reload script compares it.
    var version: String
    /// The first build has not finished yet.
    var building = true
    /// A site has been built (the last good one is served).
    var hasSite = false
    /// The problems of the last build, at most `PreviewPage.shownProblems` of them.
    var problems: [PreviewProblem] = []
    /// How many errors the last build had in all.
    var errorCount = 0
}

/// What the preview adds to the pages it serves, at response time (the built files never hold
/// it): the reload script and the banner's stylesheet, both same-origin files; the banner of the
/// last build's errors; and `connect-src 'self'` in the page's policy, so the script may ask the
/// server for its version. Everything from content goes through `HTML.text`.
enum PreviewPage {
    static let scriptPath = "/__pathc/reload.js"
    static let stylesheetPath = "/__pathc/preview.css"
    static let versionPath = "/__pathc/version"
    /// Problems listed in the banner; the rest are counted.
    static let shownProblems = 50

    /// The site's policy, allowing the reload script's requests to the server it came from.
    static let policy = Page.contentSecurityPolicy + "; connect-src 'self'"

    /// A page of the site with the preview's additions.
    static func inject(_ page: [UInt8], status: PreviewStatus) -> [UInt8] {
        var text = String(decoding: page, as: UTF8.self)
        text = allowingConnections(text)
        let head = headAdditions(version: status.version)
        if let end = text.range(of: "</head>") {
            text.insert(contentsOf: head, at: end.lowerBound)
        } else {
            text = head + text
        }
        let banner = self.banner(status)
        if !banner.isEmpty {
            if let body = text.range(of: "<body>") {
                text.insert(contentsOf: "\n" + banner, at: body.upperBound)
            } else {
                text += banner
            }
        }
        return Array(text.utf8)
    }

    /// The page's own Content-Security-Policy `<meta>` with `connect-src 'self'` added when the
    /// policy names no `connect-src` of its own.
    static func allowingConnections(_ page: String) -> String {
        let opening = "<meta http-equiv=\"Content-Security-Policy\" content=\""
        guard let meta = page.range(of: opening), let close = page[meta.upperBound...].firstIndex(of: "\"") else { return page }
        let current = page[meta.upperBound..<close]
        guard !current.contains("connect-src") else { return page }
        var changed = page
        changed.insert(contentsOf: "; connect-src 'self'", at: close)
        return changed
    }

    private static func headAdditions(version: String) -> String {
        "<link rel=\"stylesheet\" href=\"\(stylesheetPath)\">\n"
            + "<script src=\"\(scriptPath)\" data-version=\"\(HTML.escaped(version))\" defer></script>\n"
    }

    /// The banner of the last build's problems; empty when it had none.
    static func banner(_ status: PreviewStatus) -> String {
        guard !status.problems.isEmpty else { return "" }
        var html = HTML(capacity: 4096)
        html.raw("<aside class=\"pathc-preview\" role=\"alert\" aria-labelledby=\"pathc-preview-title\">\n")
        html.raw("<p id=\"pathc-preview-title\"><strong>pathc serve:</strong> ")
        let count = max(status.errorCount, status.problems.count)
        html.text(count == 1 ? "1 error stops" : "\(count) errors stop")
        html.text(status.hasSite ? " the site from building. This is the site as it was last built; fix the files and save, and the page reloads."
            : " the site from building, and there is no earlier site to show. Fix the files and save, and the page reloads.")
        html.raw("</p>\n<ol>\n")
        for problem in status.problems.prefix(shownProblems) {
            html.raw("<li>")
            if let location = problem.location {
                html.raw("<code>"); html.text(location); html.raw("</code> ")
            }
            if let code = problem.code {
                html.raw("<span class=\"pathc-preview-code\">"); html.text(code); html.raw("</span> ")
            }
            html.text(problem.message)
            if let help = problem.help {
                html.raw("<br><span class=\"pathc-preview-help\">help: "); html.text(help); html.raw("</span>")
            }
            html.raw("</li>\n")
        }
        html.raw("</ol>\n")
        if count > min(status.problems.count, shownProblems) {
            html.raw("<p>")
            html.text("and \(count - min(status.problems.count, shownProblems)) more: run pathc check for all of them")
            html.raw("</p>\n")
        }
        html.raw("</aside>\n")
        return String(decoding: html.bytes, as: UTF8.self)
    }

    /// The page served while there is no site: building, or the first build failed.
    static func placeholder(_ status: PreviewStatus, title: String) -> [UInt8] {
        var html = HTML(capacity: 4096)
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.markup("<meta http-equiv=\"Content-Security-Policy\" content=\"\(Page.contentSecurityPolicy)\">\n")
        html.raw("<meta name=\"color-scheme\" content=\"light dark\">\n<title>")
        html.text(title)
        html.raw("</title>\n</head>\n<body>\n<main class=\"pathc-preview-main\">\n<h1>")
        html.text(title)
        html.raw("</h1>\n<p>")
        html.text(status.building ? "pathc is building the site; this page reloads when it is ready."
            : status.problems.isEmpty ? "There is no page at this address." : "The site could not be built.")
        html.raw(" <a href=\"/\">Home</a></p>\n</main>\n</body>\n</html>\n")
        return inject(html.bytes, status: status)
    }

    /// Polls the server for its version and reloads the page when it changes: after a rebuild, a
    /// failed one included (the banner changes), or when a restarted server answers again. The
    /// version the page was served with is in the script tag, so a build that finishes between
    /// the response and the first poll is not missed.
    ///
    /// The script keeps the reader's scroll offset itself, across a reload or a return by the
    /// history: the browser's own restoration keeps the old content at the top of the window,
    /// which a banner that has just appeared would then cover.
    static let reloadScript = """
        (function () {
          "use strict";
          var script = document.currentScript;
          var served = script ? script.getAttribute("data-version") : null;
          var key = "pathc-serve-scroll:" + window.location.pathname;
          var delay = 500;
          try {
            var saved = window.sessionStorage.getItem(key);
            window.sessionStorage.removeItem(key);
            var entry = window.performance.getEntriesByType("navigation")[0];
            var returning = entry && (entry.type === "reload" || entry.type === "back_forward");
            window.history.scrollRestoration = "manual";
            window.addEventListener("pagehide", function () {
              try { window.sessionStorage.setItem(key, String(window.scrollY)); } catch (error) { /* not kept */ }
            });
            if (saved !== null && returning) {
              window.addEventListener("load", function () { window.scrollTo(0, parseInt(saved, 10) || 0); });
            }
          } catch (error) {
            // No storage: the browser restores the offset its own way.
          }
          function poll() {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
              .then(function (text) {
                var version = text.trim();
                if (served !== null && version !== served) { window.location.reload(); return; }
                served = version;
                delay = 500;
                window.setTimeout(poll, delay);
              })
              .catch(function () {
                // The server is stopped or restarting: ask less often until it answers.
                delay = Math.min(delay * 2, 4000);
                window.setTimeout(poll, delay);
              });
          }
          window.setTimeout(poll, delay);
        })();

        """

    static let stylesheet = """
        .pathc-preview {
          position: sticky; top: 0; z-index: 1000; max-height: 45vh; overflow: auto;
          margin: 0; padding: 0.75rem 1.25rem; box-sizing: border-box;
          background: #fdecec; color: #3b0a0a; border-bottom: 3px solid #b3261e;
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
          box-shadow: 0 2px 6px rgba(0, 0, 0, 0.15);
        }
        .pathc-preview p { margin: 0.2rem 0; }
        .pathc-preview ol { margin: 0.4rem 0 0.2rem; padding-left: 1.6rem; }
        .pathc-preview li { margin: 0.25rem 0; }
        .pathc-preview code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .pathc-preview-code { font-weight: 600; color: #b3261e; }
        .pathc-preview-help { color: #5c2a2a; }
        .pathc-preview-main { max-width: 48rem; margin: 3rem auto; padding: 0 1.25rem; font: 16px/1.5 system-ui, sans-serif; }
        @media (prefers-color-scheme: dark) {
          .pathc-preview { background: #3a1212; color: #fde2e2; border-bottom-color: #f2b8b5; }
          .pathc-preview-code { color: #f2b8b5; }
          .pathc-preview-help { color: #e8c4c4; }
        }
        @media print { .pathc-preview { display: none; } }

        """
}
