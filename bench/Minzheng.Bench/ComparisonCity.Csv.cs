using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Minzheng.Web.Modules.DataComparison;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Bench;

/// <summary>
/// The comparison city's dataset rows as the file a department would send (dataset-import benchmark): one CSV of one kind,
/// its columns headed the way <see cref="DatasetKinds"/> proposes them, each row naming person <c>Target(kind, j)</c> by a
/// real ID number (≈ 90 % are registered people, the rest outsiders), the values the rules read from <c>RowOf</c> and the
/// rest (names, references, dates the rules ignore) as the SQL generator writes them. Every row is valid.
/// </summary>
internal sealed partial class ComparisonCity
{
    /// <summary>
    /// A valid ID number for person <paramref name="t"/>, one per person: the address code of the person's county (outsiders:
    /// 玉州区), a birth date and sequence that encode <paramref name="t"/> (1,000 people a day from 1940).
    /// </summary>
    public string IdNumberOf(long t)
    {
        var area = t < People ? Villages[VillageOf(Place(t).K)].Code[..6] : "450902";
        return IdNumber.Compose(area, new DateOnly(1940, 1, 1).AddDays((int)(t / 1000)), (int)(t % 1000));
    }

    /// <summary>The 32 bytes the SQL generator wrote as person <paramref name="i"/>'s <c>id_number_hash</c> (see <c>IdHash</c>).</summary>
    public static byte[] SyntheticIdHash(long i)
    {
        var bytes = new byte[32];
        BinaryPrimitives.WriteInt64BigEndian(bytes, W1(i));
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), W2(i));
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(16), W3(i));
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(24), i);
        return bytes;
    }

    /// <summary>How many of the first <see cref="Rows"/> rows of <paramref name="kind"/> name a registered person.</summary>
    public long RegisteredRows(DatasetKind kind)
    {
        var k = Array.IndexOf(Kinds, kind);
        long n = 0;
        for (long j = 0; j < Rows; j++) n += Target(k, j) < People ? 1 : 0;
        return n;
    }

    /// <summary>Writes the <see cref="Rows"/> rows of <paramref name="kind"/> as a UTF-8 CSV with a header row; returns the byte count.</summary>
    public long WriteCsv(DatasetKind kind, string path)
    {
        var k = Array.IndexOf(Kinds, kind);
        var fields = DatasetKinds.Of(kind).Fields;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using (var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16))
        {
            w.Write(string.Join(',', fields.Select(f => f.Synonyms[0])));
            w.Write('\n');
            var cells = new string?[fields.Count];
            for (long j = 0; j < Rows; j++)
            {
                var t = Target(k, j);
                var row = RowOf(k, j, t);
                for (var c = 0; c < fields.Count; c++) cells[c] = Cell(kind, k, fields[c].Key, j, t, row);
                for (var c = 0; c < cells.Length; c++)
                {
                    if (c > 0) w.Write(',');
                    if (cells[c] is { } v)
                    {
                        if (v.AsSpan().IndexOfAny(",\"\n\r") >= 0) throw new InvalidOperationException($"a CSV value needs quoting: {v}");
                        w.Write(v);
                    }
                }
                w.Write('\n');
            }
        }
        return new FileInfo(path).Length;
    }

    private string? Cell(DatasetKind kind, int k, string field, long j, long t, Row row)
    {
        long R(int n) => D(Draw(k, n), j);
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        string Pad(long v, int width) => v.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
        return field switch
        {
            "idNumber" => IdNumberOf(t),
            "name" => NameOf(t),
            "eventDate" => Day(row.EventDate ?? kind switch
            {
                DatasetKind.Vehicles => new DateOnly(2015, 1, 1).AddDays((int)(R(2) % 3500)),
                DatasetKind.RealEstate => new DateOnly(2005, 1, 1).AddDays((int)(R(0) % 7000)),
                DatasetKind.Businesses or DatasetKind.Pensions => new DateOnly(2010, 1, 1).AddDays((int)(R(1) % 5000)),
                _ => null,
            }),
            "endDate" => Day(row.EndDate),
            "category" => row.Category ?? kind switch
            {
                DatasetKind.RealEstate => R(1) % 10 < 8 ? "住宅" : "商业",
                DatasetKind.Businesses => R(2) % 3 == 0 ? "有限责任公司" : "个体工商户",
                DatasetKind.PublicPayroll => "在编",
                DatasetKind.DisabilityCertificates => CategoryNames[Category(t) - 1],
                _ => null,
            },
            "status" => row.Status,
            "grade" => row.Grade?.ToString(CultureInfo.InvariantCulture),
            "amount" => (row.AmountFen ?? kind switch
            {
                DatasetKind.PublicPayroll => 300_000 + (R(0) % 500_000),
                DatasetKind.Pensions => 20_000 + (R(1) % 400_000),
                _ => (long?)null,
            }) is { } fen ? Yuan(fen) : null,
            "reference" => kind switch
            {
                DatasetKind.Deaths => "SW" + Pad(j, 9),
                DatasetKind.Detention => "广西玉林监狱",
                DatasetKind.Vehicles => "桂K" + Pad(j % 100_000, 5),
                DatasetKind.RealEstate => "桂(2020)玉林市不动产权第" + Pad(j, 7) + "号",
                DatasetKind.Businesses => "92450900MA" + Pad(j, 8),
                DatasetKind.PublicPayroll => "玉林市某事业单位" + (j % 500).ToString(CultureInfo.InvariantCulture),
                // the SQL writes the person's number twice for the older certificate; a file has one number per certificate
                DatasetKind.DisabilityCertificates => "4509" + Pad(j, 16),
                DatasetKind.PovertyRegistry => "FP" + Pad(j, 10),
                _ => null,
            },
            _ => null,
        };
    }

    /// <summary>The name the SQL generator gives person <paramref name="n"/> (see <c>Name(Dialect, string)</c>).</summary>
    private static string NameOf(long n)
    {
        var name = new StringBuilder(3);
        name.Append(Surnames[(int)(W1(n) % Surnames.Length)]).Append(GivenNames[(int)(W2(n) % GivenNames.Length)]);
        if (W3(n) % 3 != 0) name.Append(GivenNames[(int)(W3(n) % GivenNames.Length)]);
        return name.ToString();
    }
}
