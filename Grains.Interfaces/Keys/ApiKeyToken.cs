using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TimerGrid.Grains.Interfaces.Keys;

/// <summary>
/// The material of an API key: <c>tg_</c>, the key's 16-hex id, <c>_</c>, 32 random bytes in base64url. Only its
/// SHA-256 is stored: 256 random bits need no slow hash. The id in the material finds the stored key without a scan.
/// </summary>
public static class ApiKeyToken
{
    private const string Prefix = "tg_";
    private const int IdLength = 16;
    private const int SecretBytes = 32;
    private static readonly int SecretLength = Base64Url.GetEncodedLength(SecretBytes);
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>A new key id and its material.</summary>
    public static (string Id, string Secret) Create()
    {
        var id = RandomNumberGenerator.GetHexString(IdLength, lowercase: true);
        return (id, $"{Prefix}{id}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes))}");
    }

    /// <summary>True for a string shaped like a key id (16 lowercase hex characters).</summary>
    public static bool IsId(string id) => id.Length == IdLength && !id.AsSpan().ContainsAnyExcept(HexDigits);

    /// <summary>The id inside material shaped like a TimerGrid key, whether or not such a key exists.</summary>
    public static bool TryGetId(string token, out string id)
    {
        var shaped = token.Length == Prefix.Length + IdLength + 1 + SecretLength
            && token.StartsWith(Prefix, StringComparison.Ordinal)
            && token[Prefix.Length + IdLength] == '_';
        id = shaped ? token.Substring(Prefix.Length, IdLength) : "";
        return IsId(id);
    }

    /// <summary>The stored form: lowercase hex SHA-256 of the UTF-8 material.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
