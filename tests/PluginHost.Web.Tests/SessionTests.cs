using PluginHost.Web.Security;
using PluginHost.Web.Tests.Support;

namespace PluginHost.Web.Tests;

/// <summary>A sign-in lasts only while the settings still hold its user with the same role and password.</summary>
public sealed class SessionTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Theory]
    [InlineData("role")]
    [InlineData("password")]
    [InlineData("removed")]
    public async Task AUserWhoseSettingsChangedIsSignedOutAtTheNextRequest(string change)
    {
        var user = new Hosting.WebUser { Name = $"petra-{change}", Role = Roles.Poster, PasswordHash = PasswordHash.Create("petra-Pw-1") };
        host.Settings.Users.Add(user);
        var page = await host.SignedIn(user.Name, "petra-Pw-1");
        await page.GotoAsync(host.BaseUrl + "/batches");
        Assert.Equal(host.BaseUrl + "/batches", page.Url);

        if (change == "role")
            user.Role = Roles.Viewer;
        else if (change == "password")
            user.PasswordHash = PasswordHash.Create("petra-Pw-2");
        else
            host.Settings.Users.Remove(user);
        await page.GotoAsync(host.BaseUrl + "/batches");

        Assert.StartsWith(host.BaseUrl + "/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignInFormOfAMegabyteIsRefusedBeforeItIsRead()
    {
        using var client = host.WaitingClient();
        using var form = new FormUrlEncodedContent([new("name", new string('a', 1024 * 1024)), new("password", "x")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = form };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(413, (int)response.StatusCode);
    }
}
