using System.Buffers.Binary;
using System.Text.Json;

namespace Minzheng.Web.Platform.Faces;

/// <summary>
/// The pure part of face matching (ADR 081): reading a descriptor the browser sent and the cosine distance between two. The
/// model is face-api's face_recognition net (a ResNet-34 like dlib's): 128 values, Euclidean distance under 0.6 being its
/// authors' "same person" convention; the platform compares by cosine distance (1 − cos θ), which does not depend on the
/// descriptor's length, with the threshold a figure.
/// </summary>
public static class FaceRules
{
    public const int Dimensions = 128;
    public const int DescriptorBytes = Dimensions * sizeof(float);

    /// <summary>
    /// The vendored library and the three nets that compute a descriptor (wwwroot/lib/face-api, its README names the files):
    /// stored with each sample; samples of another model are never compared with this one's.
    /// </summary>
    public const string CurrentModel = "vladmandic/face-api 1.7.15: tiny_face_detector + face_landmark_68 + face_recognition";

    /// <summary>Reads a JSON array of 128 finite numbers of plausible size; null with the reason otherwise.</summary>
    public static float[]? Parse(string? json, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            error = "照片中未检测到人脸：请使用正面、清晰、只有本人的照片（人脸由浏览器识别，须启用脚本）";
            return null;
        }
        float[]? values;
        try
        {
            values = JsonSerializer.Deserialize<float[]>(json);
        }
        catch (JsonException)
        {
            values = null;
        }
        if (values is null || values.Length != Dimensions)
        {
            error = $"人脸特征数据无效（应为 {Dimensions} 个数值）";
            return null;
        }
        // the net's outputs lie well inside ±1; a value beyond 10 or a NaN is not a descriptor
        if (values.Any(v => !float.IsFinite(v) || Math.Abs(v) > 10f) || Norm(values) < 0.01)
        {
            error = "人脸特征数据无效（数值超出范围）";
            return null;
        }
        return values;
    }

    public static byte[] ToBytes(float[] values)
    {
        var bytes = new byte[DescriptorBytes];
        for (var i = 0; i < Dimensions; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    public static float[] FromBytes(byte[] bytes)
    {
        var values = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        return values;
    }

    public static double Norm(ReadOnlySpan<float> v)
    {
        double sum = 0;
        foreach (var x in v) sum += (double)x * x;
        return Math.Sqrt(sum);
    }

    /// <summary>1 − cos θ: 0 for the same direction, 1 for orthogonal, 2 for opposite.</summary>
    public static double CosineDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("descriptors of different lengths");
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 1 : 1 - dot / Math.Sqrt(na * nb);
    }
}
