/// The kinds of secret the redactor recognizes; the raw value appears in `[REDACTED:kind]`.
public enum RedactionKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// An AWS access key id (AKIA..., ASIA...).
    case awsAccessKeyID = "aws-access-key-id"
    /// An AWS secret access key after a key that names it.
    case awsSecretKey = "aws-secret-key"
    /// A GitHub token (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_).
    case githubToken = "github-token"
    /// A GitLab personal access token (glpat-).
    case gitlabToken = "gitlab-token"
    /// A Slack token (xoxb-, xoxp-, xoxa-, xapp-...).
    case slackToken = "slack-token"
    /// The secret path of a Slack incoming webhook.
    case slackWebhook = "slack-webhook"
    /// A bearer token (Authorization: Bearer ...).
    case bearerToken = "bearer-token"
    /// Basic-auth credentials in an Authorization header.
    case basicAuth = "basic-auth"
    /// A JSON Web Token.
    case jwt = "jwt"
    /// A PEM private key block.
    case privateKey = "private-key"
    /// The password part of `scheme://user:password@host`.
    case urlPassword = "url-password"
    /// The value of a password=, secret=, token=, api_key=... pair (text, JSON or YAML).
    case secretAssignment = "secret-assignment"
    /// A value the caller declared secret (a secret variable or form field).
    case secretValue = "secret-value"

    /// The text that replaces a secret of this kind.
    public var replacement: String { "[REDACTED:\(rawValue)]" }

    /// Orders kinds by name, for stable reports.
    public static func < (lhs: RedactionKind, rhs: RedactionKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
