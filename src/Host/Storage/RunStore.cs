using Microsoft.Data.Sqlite;

namespace Elfs.Host.Storage;

/// <summary>The runs table: create runs, move them through their states, list them.</summary>
public sealed class RunStore(ElfsStore store)
{
    private const string Columns = "id, project, state, trigger, started, updated, finished, params, timings, metrics, error";

    /// <summary>Records a new run in state Created.</summary>
    public RunRecord Create(string id, string project, string trigger, string parameters, DateTimeOffset now)
    {
        store.InTransaction((c, tx) => Sql.Execute(c, tx,
            "INSERT INTO runs(id, project, state, trigger, started, updated, params) VALUES($id, $p, $s, $t, $now, $now, $params)",
            ("$id", id), ("$p", project), ("$s", Name(RunState.Created)), ("$t", trigger), ("$now", Sql.Time(now)), ("$params", parameters)));
        return Get(id)!;
    }

    /// <summary>The run with id <paramref name="id"/>, or null.</summary>
    public RunRecord? Get(string id) =>
        store.Read(c => Sql.Query(c, null, $"SELECT {Columns} FROM runs WHERE id = $id", Map, ("$id", id)).FirstOrDefault());

    /// <summary>The project's run that is neither done nor failed (the one to resume), or null.</summary>
    public RunRecord? FindUnfinished(string project) =>
        store.Read(c => Sql.Query(c, null,
            $"SELECT {Columns} FROM runs WHERE project = $p COLLATE NOCASE AND state NOT IN ('done', 'failed') ORDER BY started DESC LIMIT 1",
            Map, ("$p", project)).FirstOrDefault());

    /// <summary>The project's newest run in state Done, or null.</summary>
    public RunRecord? LatestDone(string project, string? excludingRunId = null) =>
        store.Read(c => Sql.Query(c, null,
            $"SELECT {Columns} FROM runs WHERE project = $p COLLATE NOCASE AND state = 'done' AND id <> $x ORDER BY started DESC LIMIT 1",
            Map, ("$p", project), ("$x", excludingRunId ?? "")).FirstOrDefault());

    /// <summary>Runs, newest first, optionally of one project.</summary>
    public IReadOnlyList<RunRecord> List(string? project = null, int limit = 50) =>
        store.Read(c => Sql.Query(c, null,
            $"SELECT {Columns} FROM runs WHERE $p IS NULL OR project = $p COLLATE NOCASE ORDER BY started DESC, id DESC LIMIT $n",
            Map, ("$p", project), ("$n", limit)));

    /// <summary>
    /// Moves the run from <paramref name="from"/> to <paramref name="to"/> inside <paramref name="tx"/>, with the
    /// timings and metrics so far; throws when the run is not in <paramref name="from"/> (another process moved it).
    /// </summary>
    public void Advance(SqliteConnection c, SqliteTransaction tx, string id, RunState from, RunState to, string timings, string metrics, DateTimeOffset now)
    {
        var changed = Sql.Execute(c, tx,
            "UPDATE runs SET state = $to, updated = $now, timings = $timings, metrics = $metrics, error = NULL, " +
            "finished = CASE WHEN $to = 'done' THEN $now ELSE finished END WHERE id = $id AND state = $from",
            ("$to", Name(to)), ("$from", Name(from)), ("$now", Sql.Time(now)), ("$timings", timings), ("$metrics", metrics), ("$id", id));
        if (changed != 1)
            throw new InvalidOperationException($"run {id} is no longer in state {Name(from)}; another process moved it");
    }

    /// <summary>Marks the run failed with <paramref name="error"/>.</summary>
    public void Fail(string id, string error, DateTimeOffset now) =>
        store.InTransaction((c, tx) => Sql.Execute(c, tx,
            "UPDATE runs SET state = 'failed', error = $e, updated = $now, finished = $now WHERE id = $id AND state NOT IN ('done', 'failed')",
            ("$e", error), ("$now", Sql.Time(now)), ("$id", id)));

    /// <summary>Notes why an unfinished run stopped (e.g. shutdown) without changing its state, so it resumes.</summary>
    public void NoteInterruption(string id, string note, DateTimeOffset now) =>
        store.InTransaction((c, tx) => Sql.Execute(c, tx,
            "UPDATE runs SET error = $e, updated = $now WHERE id = $id AND state NOT IN ('done', 'failed')",
            ("$e", note), ("$now", Sql.Time(now)), ("$id", id)));

    /// <summary>The lower-case name stored for a state.</summary>
    public static string Name(RunState state) => state.ToString().ToLowerInvariant();

    private static RunRecord Map(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), Enum.Parse<RunState>(r.GetString(2), ignoreCase: true), r.GetString(3),
        Sql.ParseTime(r.GetString(4)), Sql.ParseTime(r.GetString(5)), Sql.NullableTime(r, 6), r.GetString(7),
        Sql.NullableString(r, 8), Sql.NullableString(r, 9), Sql.NullableString(r, 10));
}
