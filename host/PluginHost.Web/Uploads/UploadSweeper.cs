using Microsoft.Extensions.Hosting;

namespace PluginHost.Web.Uploads;

/// <summary>Deletes expired uploads every minute, and every upload when the host stops: uploads are kept only as long as needed.</summary>
public sealed class UploadSweeper(UploadStore uploads, TimeProvider time) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                uploads.RemoveExpired();
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        uploads.Clear();
    }
}
