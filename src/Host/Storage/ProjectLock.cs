using System.Diagnostics;
using System.Globalization;

namespace Elfs.Host.Storage;

/// <summary>
/// The store-level guard that keeps two runs of one project from overlapping, across threads and processes: a row in
/// project_locks owned by (host, process id, process start, instance). A row left by a killed process is taken over.
/// </summary>
public sealed class ProjectLock(ElfsStore store)
{
    private static readonly string ProcessTag = string.Create(CultureInfo.InvariantCulture,
        $"{Environment.MachineName}|{Environment.ProcessId}|{Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks}");

    /// <summary>
    /// Takes the project's lock; returns a handle that releases it, or null when a live owner holds it
    /// (<paramref name="holder"/> then names it).
    /// </summary>
    public IDisposable? TryAcquire(string project, out string? holder)
    {
        var owner = $"{ProcessTag}|{Guid.NewGuid():N}";
        var key = project.ToLowerInvariant();
        string? current = null;
        var acquired = store.InTransaction((c, tx) =>
        {
            current = (string?)Sql.Scalar(c, tx, "SELECT owner FROM project_locks WHERE project = $p", ("$p", key));
            if (current is not null && IsAlive(current))
                return false;
            Sql.Execute(c, tx, "INSERT OR REPLACE INTO project_locks(project, owner, acquired) VALUES($p, $o, $t)",
                ("$p", key), ("$o", owner), ("$t", Sql.Time(DateTimeOffset.UtcNow)));
            return true;
        });
        holder = acquired ? null : current;
        return acquired ? new Release(store, key, owner) : null;
    }

    private static bool IsAlive(string owner)
    {
        var parts = owner.Split('|');
        if (parts.Length < 4 || parts[0] != Environment.MachineName)
            return true; // another machine's lock cannot be checked; it stays until released
        if (!int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid) || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var started))
            return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            // Linux derives a start time from the boot time, which each process computes with some jitter.
            return !process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - started) < TimeSpan.TicksPerSecond * 2;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private sealed class Release(ElfsStore store, string project, string owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                store.InTransaction((c, tx) => Sql.Execute(c, tx, "DELETE FROM project_locks WHERE project = $p AND owner = $o", ("$p", project), ("$o", owner)));
        }
    }
}
