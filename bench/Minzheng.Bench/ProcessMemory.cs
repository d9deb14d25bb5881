using System.Globalization;

namespace Minzheng.Bench;

/// <summary>Resident memory of this process from /proc/self/status (Linux): VmHWM is the peak since the process started and cannot be reset.</summary>
internal static class ProcessMemory
{
    public static long? PeakKb => Read("VmHWM");

    public static long? CurrentKb => Read("VmRSS");

    private static long? Read(string key)
    {
        if (!OperatingSystem.IsLinux()) return null;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith(key + ":", StringComparison.Ordinal)) continue;
            var digits = new string(line[(key.Length + 1)..].Where(char.IsAsciiDigit).ToArray());
            return long.Parse(digits, CultureInfo.InvariantCulture);
        }
        return null;
    }
}
