using System.Security.Cryptography;
using System.Text;

namespace TimerGrid.Grains.Delivery;

/// <summary>Standard Webhooks signatures (https://www.standardwebhooks.com): <c>v1,</c> + base64 HMAC-SHA256 of <c>id.timestamp.body</c>.</summary>
internal static class WebhookSigner
{
    private const string SecretPrefix = "whsec_";

    /// <summary>A new secret in the Standard Webhooks form: <c>whsec_</c> + base64 of 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string messageId, long timestampSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{messageId}.{timestampSeconds}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), signed));
    }

    /// <summary>A <c>whsec_</c> secret's key is its base64 payload; any other secret is used as its UTF-8 bytes.</summary>
    public static byte[] KeyOf(string secret)
    {
        if (secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            var encoded = secret[SecretPrefix.Length..];
            var buffer = new byte[encoded.Length];
            if (Convert.TryFromBase64String(encoded, buffer, out var written))
            {
                return buffer[..written];
            }
        }
        return Encoding.UTF8.GetBytes(secret);
    }
}
