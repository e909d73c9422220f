using System.Data.Common;
using System.Text;
using Orleans.Storage;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// A grain's key columns in OrleansStorage, and the two hashes stored beside them, as Orleans' ADO.NET grain storage
/// computes them (AdoGrainKey, OrleansDefaultHasher): rows it wrote and rows written here are one and the same.
/// </summary>
internal readonly record struct StoredGrainKey(long N0, long N1, string? Extension, int IdHash, int TypeHash)
{
    private static readonly OrleansDefaultHasher Hasher = new();

    public static StoredGrainKey Of(string stateName, GrainId grainId)
    {
        long n0 = 0, n1;
        string? extension;
        byte[] hashed;
        if (grainId.TryGetGuidKey(out var guid, out extension))
        {
            var bytes = guid.ToByteArray();
            (n0, n1) = (BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8));
            hashed = WithExtension(bytes, extension);
        }
        else if (grainId.TryGetIntegerKey(out n1, out extension))
        {
            hashed = WithExtension(BitConverter.GetBytes(n1), extension);
        }
        else
        {
            (n1, extension) = (0, grainId.Key.ToString());
            hashed = Encoding.UTF8.GetBytes(extension);
        }
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(hashed);
        }
        return new StoredGrainKey(n0, n1, extension, Hasher.Hash(hashed), Hasher.Hash(Encoding.UTF8.GetBytes(stateName)));
    }

    private static byte[] WithExtension(byte[] key, string? extension) => extension is null ? key : [.. key, .. Encoding.UTF8.GetBytes(extension)];

    public void AddTo(DbCommand command, string stateName)
    {
        command.Add("GrainTypeString", stateName);
        command.Add("GrainIdN0", N0);
        command.Add("GrainIdN1", N1);
        command.Add("GrainIdExtensionString", Extension);
        command.Add("GrainIdHash", IdHash);
        command.Add("GrainTypeHash", TypeHash);
    }
}
