/// The pathc release, shown by `pathc --version` and written into generated output.
public enum PathcVersion {
    public static let current = "0.1.0"
}
