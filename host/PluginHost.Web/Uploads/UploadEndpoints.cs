using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginHost.Engine.Posting;
using PluginHost.Web.Hosting;
using PluginHost.Web.Pages;
using PluginHost.Web.Languages;
using PluginHost.Web.Security;

namespace PluginHost.Web.Uploads;

/// <summary>Upload, validation status, preview, error workbook, post and discard.</summary>
public static class UploadEndpoints
{
    /// <summary>Maps the endpoints; every one needs a signed-in user, posting the poster role.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http, RuntimeProvider runtimes, WebSettings settings) =>
        {
            var page = new PageContext(http);
            return Layout.Page(page, page.T["Upload.Title"], UploadPage.Render(page, runtimes.Current.Plugins, settings.MaxUploadBytes));
        });

        app.MapPost("/uploads", Receive);

        app.MapGet("/uploads/{id}", (string id, HttpContext http, UploadStore uploads, RuntimeProvider runtimes) =>
        {
            var page = new PageContext(http);
            if (uploads.PostedAs(id, page.User) is { } batch)
                return Results.Redirect($"/batches/{batch}");
            if (uploads.Find(id, page.User) is not { Validation: not null } upload)
                return NotFound(page);
            return Layout.Page(page, page.T["Preview.Title"], PreviewPage.Render(page, upload, runtimes.Current.Plugins));
        });

        app.MapGet("/uploads/{id}/status", (string id, HttpContext http, UploadStore uploads) =>
        {
            var page = new PageContext(http);
            if (uploads.Find(id, page.User)?.Validation is not { } validation)
                return Results.NotFound();
            return Results.Json(new { done = validation.IsDone, rows = validation.RowsRead, text = page.T.Format("Preview.RowsRead", page.T.Count(validation.RowsRead)) });
        });

        app.MapGet("/uploads/{id}/errors.xlsx", (string id, HttpContext http, UploadStore uploads) =>
        {
            var page = new PageContext(http);
            if (uploads.Find(id, page.User) is not { Validation.Outcome.ErrorWorkbookPath: { } path } upload || !File.Exists(path))
                return NotFound(page);
            return Results.File(File.ReadAllBytes(path), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Path.GetFileNameWithoutExtension(upload.FileName) + ".errors.xlsx");
        });

        app.MapGet("/uploads/{id}/report", (string id, HttpContext http, UploadStore uploads) =>
        {
            var page = new PageContext(http);
            if (uploads.Find(id, page.User) is not { Validation.Outcome.ReportPath: { } path } || !File.Exists(path))
                return NotFound(page);
            return ReportResponse.Html(File.ReadAllText(path));
        });

        app.MapPost("/uploads/{id}/validate", async (string id, HttpContext http, UploadStore uploads, ValidationQueue queue, WebSettings settings) =>
        {
            var page = new PageContext(http);
            var (form, refusal) = await Forms.ReadAsync(page, Forms.SmallFormBytes).ConfigureAwait(false);
            if (refusal is not null)
                return refusal;
            if (uploads.Find(id, page.User) is not { } upload)
                return NotFound(page);
            queue.Start(upload, Choices(form!, page), page.User);
            return Results.Redirect($"/uploads/{upload.Id}", permanent: false, preserveMethod: false);
        });

        app.MapPost("/uploads/{id}/post", Post).RequireAuthorization(Roles.Poster);

        app.MapPost("/uploads/{id}/discard", async (string id, HttpContext http, UploadStore uploads, WebSettings settings) =>
        {
            var page = new PageContext(http);
            var (_, refusal) = await Forms.ReadAsync(page, Forms.SmallFormBytes).ConfigureAwait(false);
            if (refusal is not null)
                return refusal;
            if (uploads.Find(id, page.User) is { IsIdle: true } upload)
                uploads.Remove(upload);
            return Results.Redirect("/");
        });
    }

    private static async Task<IResult> Receive(HttpContext http, UploadStore uploads, ValidationQueue queue, WebSettings settings)
    {
        var page = new PageContext(http);
        var t = page.T;
        var (form, refusal) = await Forms.ReadAsync(page, settings.MaxUploadBytes).ConfigureAwait(false);
        if (refusal is not null)
            return refusal;
        if (form!.Files.GetFile("file") is not { Length: > 0 } file)
            return Layout.Message(page, t["Upload.Refused"], t["Upload.NoFile"], StatusCodes.Status400BadRequest, "/", t["Upload.Again"]);
        if (file.Length > settings.MaxUploadBytes)
            return Forms.TooLarge(page, settings.MaxUploadBytes);

        var (id, folder) = uploads.NewFolder();
        string? path = null;
        string? why = null;
        try
        {
            var incoming = Path.Combine(folder, "incoming");
            await using (var target = File.Create(incoming))
                await file.CopyToAsync(target, http.RequestAborted).ConfigureAwait(false);
            (var extension, why) = ContentSniffer.Sniff(incoming);
            if (extension is not null)
            {
                path = Path.Combine(folder, UploadStore.SafeStem(file.FileName) + extension);
                File.Move(incoming, path);
            }
        }
        finally
        {
            // An upload the client aborted, or one that cannot be taken, leaves no folder behind: the sweeper knows only registered uploads.
            if (path is null)
                Directory.Delete(folder, recursive: true);
        }
        if (path is null)
            return Layout.Message(page, t["Upload.Refused"], t.Format("Upload.WrongContent", file.FileName, t[why!]), StatusCodes.Status415UnsupportedMediaType, "/", t["Upload.Again"]);
        var upload = uploads.Add(id, path, page.User);
        queue.Start(upload, Choices(form, page), page.User);
        return Results.Redirect($"/uploads/{upload.Id}");
    }

    private static async Task<IResult> Post(string id, HttpContext http, UploadStore uploads, ValidationQueue queue, WebSettings settings)
    {
        var page = new PageContext(http);
        var t = page.T;
        var (form, refusal) = await Forms.ReadAsync(page, Forms.SmallFormBytes).ConfigureAwait(false);
        if (refusal is not null)
            return refusal;
        if (uploads.PostedAs(id, page.User) is { } batch)
            return Results.Redirect($"/batches/{batch}?posted=1"); // a second click on Post: the batch it became, never a second batch
        if (uploads.Find(id, page.User) is not { } upload)
            return NotFound(page);
        var back = $"/uploads/{upload.Id}";
        if (form!["confirm"] != "yes")
            return Layout.Message(page, t["Post.Refused"], t["Post.Unconfirmed"], StatusCodes.Status400BadRequest, back, t["Post.Back"]);
        if (upload.Validation is not { Outcome.Status: PostingStatus.Validated } validated)
            return Layout.Message(page, t["Post.Refused"], t["Post.NotValidated"], StatusCodes.Status409Conflict, back, t["Post.Back"]);
        if (!upload.TryBeginPosting())
            return Layout.Message(page, t["Post.Refused"], t["Post.Busy"], StatusCodes.Status409Conflict, back, t["Post.Back"]);

        PostingOutcome outcome;
        try
        {
            outcome = await Task.Run(() => queue.Post(upload, validated, page.User)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            outcome = new PostingOutcome
            {
                Status = PostingStatus.Failed, ExitCode = ExitCodes.Configuration,
                Problems = [Engine.Problems.Problem.Error("WEB010", $"PluginHost failed unexpectedly: {ex.GetType().Name}: {ex.Message}; nothing was posted unless the batches list shows it", new Engine.Problems.SourceLocation())],
            };
        }
        if (outcome.Status == PostingStatus.Posted)
        {
            uploads.Posted(upload, outcome.Batch!.Value);
            return Results.Redirect($"/batches/{outcome.Batch}?posted=1");
        }
        // Refused now (the ledger moved since the preview), a duplicate, or a failure: shown as the upload's latest result.
        var result = new Validation(validated.Plugin, validated.Language, validated.Culture);
        result.Finish(outcome);
        upload.EndPosting(result);
        return Results.Redirect(back);
    }

    private static Validation Choices(IFormCollection form, PageContext page)
    {
        var plugin = form["plugin"].ToString();
        var culture = form["culture"].ToString();
        return new Validation(
            plugin.Length == 0 ? null : plugin,
            PageLanguage.Normalize(form["lang"]) ?? page.T.Code,
            UploadPage.Cultures.Contains(culture) ? culture : "");
    }

    private static IResult NotFound(PageContext page) =>
        Layout.Message(page, page.T["Upload.Gone"], page.T["Upload.GoneText"], StatusCodes.Status404NotFound, "/", page.T["Upload.Again"]);
}
