using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Minzheng.Web.Platform.Sampling;

/// <summary>
/// The one replayable random source for draws that must be checked afterwards (双随机 inspections, sampling audits; ADR 030):
/// SHA-256(seed ‖ counter) as a stream of 64-bit words, uniform integers by rejection, Fisher–Yates shuffles. The stored seed
/// and population replay the same draw on any machine and any .NET version (System.Random promises neither).
/// </summary>
public sealed class SeededDraw(string seed)
{
    private readonly byte[] _seed = Encoding.UTF8.GetBytes(seed);
    private ulong _counter;

    /// <summary>A fresh seed from the operating system's CSPRNG: 32 hex digits, shown and stored with the draw.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private ulong Next()
    {
        var block = new byte[_seed.Length + 8];
        _seed.CopyTo(block, 0);
        BinaryPrimitives.WriteUInt64BigEndian(block.AsSpan(_seed.Length), _counter++);
        return BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(block));
    }

    /// <summary>Uniform in [0, n): rejects the top sliver of the 64-bit range that would favour small values.</summary>
    public int Below(int n)
    {
        var limit = ulong.MaxValue - (ulong.MaxValue % (ulong)n);
        ulong x;
        do x = Next(); while (x >= limit);
        return (int)(x % (ulong)n);
    }

    public List<T> Shuffle<T>(IReadOnlyList<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Below(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
