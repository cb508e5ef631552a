using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PluginHost.Web.Hosting;

namespace PluginHost.Web.Security;

/// <summary>
/// A sign-in cookie counts only while its user is still configured with the same role and password: a user removed,
/// moved from poster to viewer, or given a new password is signed out at their next request (the cookie would
/// otherwise outlive the change, even a restart, since the signing keys are kept).
/// </summary>
public static class SessionCheck
{
    /// <summary>The claim carrying <see cref="Stamp"/>.</summary>
    public const string StampClaim = "pluginhost:stamp";

    /// <summary>A short digest of the user's configured role and password hash, never the hash itself.</summary>
    public static string Stamp(WebUser user) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.Role + "\n" + user.PasswordHash)))[..16];

    /// <summary>Rejects the cookie unless its user, role and stamp still match the settings.</summary>
    public static async Task Validate(CookieValidatePrincipalContext context, WebSettings settings)
    {
        var principal = context.Principal;
        var user = settings.Users.FirstOrDefault(u => string.Equals(u.Name, principal?.Identity?.Name, StringComparison.OrdinalIgnoreCase));
        if (user is not null && principal!.IsInRole(user.Role) && principal.FindFirstValue(StampClaim) == Stamp(user))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
    }
}
