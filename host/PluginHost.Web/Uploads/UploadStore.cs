using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PluginHost.Web.Hosting;

namespace PluginHost.Web.Uploads;

/// <summary>
/// Uploads in their temp folders, each in a folder of its own named by a random id. An upload is deleted when it is
/// posted or discarded, and at the latest <see cref="WebSettings.UploadLifetimeMinutes"/> after it arrived; folders left
/// by an earlier run are deleted at start.
/// </summary>
public sealed class UploadStore
{
    private readonly ConcurrentDictionary<string, Upload> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Owner, long Batch)> _posted = new(StringComparer.Ordinal);
    private readonly WebSettings _settings;
    private readonly TimeProvider _time;

    /// <summary>A store over the settings' upload folder, emptied of what an earlier run left.</summary>
    public UploadStore(WebSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(Root);
        else
            Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var stale in Directory.GetDirectories(Root).Where(d => Path.GetFileName(d).StartsWith("u-", StringComparison.Ordinal)))
            TryDelete(stale);
    }

    /// <summary>The folder under which every upload has its own.</summary>
    public string Root => _settings.UploadRoot;

    /// <summary>A new, empty folder for an upload, and the id it will have.</summary>
    public (string Id, string Folder) NewFolder()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = Path.Combine(Root, "u-" + id);
        Directory.CreateDirectory(folder);
        return (id, folder);
    }

    /// <summary>Keeps an upload whose file is in place.</summary>
    public Upload Add(string id, string path, string owner)
    {
        var upload = new Upload { Id = id, Owner = owner, Path = path, Created = _time.GetUtcNow() };
        _uploads[id] = upload;
        return upload;
    }

    /// <summary>The upload, if it exists and belongs to <paramref name="user"/>; others' uploads are not found.</summary>
    public Upload? Find(string id, string user) =>
        _uploads.TryGetValue(id, out var upload) && string.Equals(upload.Owner, user, StringComparison.OrdinalIgnoreCase) ? upload : null;

    /// <summary>
    /// Forgets a posted upload (its file is deleted) but remembers which batch it became, so that a second click on
    /// Post, or the browser's back button, leads to that batch instead of "not found".
    /// </summary>
    public void Posted(Upload upload, long batch)
    {
        _posted[upload.Id] = (upload.Owner, batch);
        Remove(upload);
    }

    /// <summary>The batch an upload of <paramref name="user"/> was posted as, or null.</summary>
    public long? PostedAs(string id, string user) =>
        _posted.TryGetValue(id, out var posted) && string.Equals(posted.Owner, user, StringComparison.OrdinalIgnoreCase) ? posted.Batch : null;

    /// <summary>Deletes an upload and its folder.</summary>
    public void Remove(Upload upload)
    {
        _uploads.TryRemove(upload.Id, out _);
        TryDelete(upload.Folder);
    }

    /// <summary>Deletes the uploads older than their lifetime that are not in use; returns how many.</summary>
    public int RemoveExpired()
    {
        var limit = _time.GetUtcNow() - TimeSpan.FromMinutes(_settings.UploadLifetimeMinutes);
        var expired = _uploads.Values.Where(u => u.Created < limit && u.IsIdle).ToList();
        foreach (var upload in expired)
            Remove(upload);
        return expired.Count;
    }

    /// <summary>Deletes every upload (at shutdown).</summary>
    public void Clear()
    {
        foreach (var upload in _uploads.Values.ToList())
            Remove(upload);
    }

    /// <summary>A file name safe in any folder: the user's name kept where it is plain, else "workbook".</summary>
    public static string SafeStem(string? fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? ""));
        var safe = new StringBuilder();
        foreach (var c in stem.Normalize(NormalizationForm.FormC))
            safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '.' ? c : '_');
        var text = safe.ToString().Trim(' ', '.');
        return text.Length == 0 ? "workbook" : text.Length > 80 ? text[..80] : text;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Still open (a download in progress): the next sweep or start deletes it.
        }
    }
}
