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

    /// <summary>The largest amount the application takes (a hundred billion yuan): far above any real figure, far below overflow.</summary>
    public const decimal MaxYuan = 100_000_000_000m;

    /// <summary>
    /// From yuan; more than two decimal places is an error, not a silent rounding. The error is a 400 naming
    /// <paramref name="field"/> (ADR 024), never a 500, wherever a use case converts an amount it did not check first.
    /// </summary>
    public static Money FromYuan(decimal yuan, string field = "amount")
    {
        if (decimal.Round(yuan, 2) != yuan) throw new AmountException(field, $"金额 {yuan.ToString(CultureInfo.InvariantCulture)} 超过两位小数");
        if (Math.Abs(yuan) > MaxYuan) throw new AmountException(field, "金额超出允许范围");
        return new Money((long)(yuan * 100m));
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
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // a JsonException carries the field's path to the 400 (ADR 024); anything else here would be a 500
        decimal yuan;
        if (reader.TokenType == JsonTokenType.String)
        {
            if (!decimal.TryParse(reader.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out yuan)) throw new Http.InputJsonException("须为金额（元，最多两位小数）");
        }
        else if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out yuan))
        {
            throw new Http.InputJsonException("须为金额（元，最多两位小数）");
        }
        try
        {
            return Money.FromYuan(yuan);
        }
        catch (AmountException e)
        {
            throw new Http.InputJsonException(e.Message);
        }
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Yuan);
}

/// <summary>An amount that is not a valid sum of money (more than two decimals, out of range): answered as a field error.</summary>
public sealed class AmountException(string fieldName, string message) : ArgumentException(message, fieldName)
{
    public string Field { get; } = fieldName;
}

public sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Fen, f => new Money(f));
