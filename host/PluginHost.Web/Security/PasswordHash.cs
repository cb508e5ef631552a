using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PluginHost.Web.Security;

/// <summary>
/// Passwords kept as PBKDF2 with HMAC-SHA-256, a random 16-byte salt and 600,000 iterations (OWASP's figure for that
/// hash), written <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (Base64), so a hash says how it was made and the
/// iteration count can rise without breaking old hashes.
/// </summary>
public static class PasswordHash
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A fresh hash of <paramref name="password"/>.</summary>
    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="stored"/> has the shape <see cref="Create"/> writes.</summary>
    public static bool IsWellFormed(string? stored) => Parse(stored) is not null;

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/>, compared in constant time.</summary>
    public static bool Verify(string password, string stored)
    {
        if (Parse(stored) is not var (iterations, salt, expected))
            return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one verification, so an unknown user name cannot be told from a wrong password by timing.</summary>
    public static void SpendVerificationTime(string password) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), new byte[SaltBytes], Iterations, HashAlgorithmName.SHA256, HashBytes);

    private static (int Iterations, byte[] Salt, byte[] Hash)? Parse(string? stored)
    {
        var parts = stored?.Split('$') ?? [];
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations is < 10_000 or > 10_000_000)
            return null;
        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var hash = Convert.FromBase64String(parts[3]);
            return salt.Length >= 8 && hash.Length >= 16 ? (iterations, salt, hash) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
