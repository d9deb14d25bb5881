using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Minzheng.Web.Platform.Money;

/// <summary>
/// An amount of money in yuan, exact to the fen. Stored as integer fen (a <c>long</c>), so sums and
/// comparisons run in the database on SQLite too; computed as decimal; never a float.
/// </summary>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public decimal Yuan => Fen / 100m;

    /// <summary>From yuan; more than two decimal places is an error, not a silent rounding.</summary>
    public static Money FromYuan(decimal yuan)
    {
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen)) throw new ArgumentException($"金额 {yuan} 超过两位小数", nameof(yuan));
        return new Money((long)fen);
    }

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));
    public static Money operator *(Money a, int n) => new(checked(a.Fen * n));
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public static Money Max(Money a, Money b) => a >= b ? a : b;
    public static Money Min(Money a, Money b) => a <= b ? a : b;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>"1,234.50"</summary>
    public override string ToString() => Yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>"1,234.50 元"</summary>
    public string ToYuanString() => ToString() + " 元";
}

/// <summary>JSON as a decimal number of yuan (123.45), as the API documents it.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Money.FromYuan(reader.TokenType == JsonTokenType.String ? decimal.Parse(reader.GetString()!, CultureInfo.InvariantCulture) : reader.GetDecimal());

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Yuan);
}

public sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Fen, f => new Money(f));
