namespace PluginHost.Web.Security;

/// <summary>What a user may do.</summary>
public static class Roles
{
    /// <summary>Uploads, validates and posts workbooks, and reads everything.</summary>
    public const string Poster = "poster";

    /// <summary>Uploads and validates workbooks and reads everything, but never posts.</summary>
    public const string Viewer = "viewer";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Poster, Viewer];
}
