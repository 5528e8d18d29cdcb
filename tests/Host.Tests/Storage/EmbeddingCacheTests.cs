using Elfs.Host.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Elfs.Host.Tests.Storage;

public sealed class EmbeddingCacheTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("elfs-cache-").FullName;

    private string DbPath => Path.Combine(directory, "elfs.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static float[] Vector(int seed, int dim = 8) => Enumerable.Range(0, dim).Select(i => (float)Math.Sin(seed * 31 + i)).ToArray();

    private void Sql(string text)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = text;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Content_hash_is_lowercase_sha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", EmbeddingCache.ContentHash("abc"u8));
    }

    [Fact]
    public void Hits_survive_a_restart_and_misses_are_absent()
    {
        using (var cache = new EmbeddingCache(DbPath))
            cache.Put([("a", Vector(1)), ("b", Vector(2))], "fp1");

        using var reopened = new EmbeddingCache(DbPath);
        var found = reopened.Get(["a", "b", "c"], "fp1");

        Assert.Equal(2, found.Count);
        Assert.Equal(Vector(1), found["a"]);
        Assert.Equal(Vector(2), found["b"]);
        Assert.False(found.ContainsKey("c"));
    }

    [Fact]
    public void Another_encoder_fingerprint_misses_and_changed_bytes_miss()
    {
        using var cache = new EmbeddingCache(DbPath);
        var original = EmbeddingCache.ContentHash([1, 2, 3]);
        var changed = EmbeddingCache.ContentHash([1, 2, 4]);
        cache.Put([(original, Vector(1))], "fp1");

        Assert.Empty(cache.Get([original], "fp2"));
        Assert.Empty(cache.Get([changed], "fp1"));
        Assert.Single(cache.Get([original], "fp1"));
    }

    [Fact]
    public void Put_replaces_an_existing_row()
    {
        using var cache = new EmbeddingCache(DbPath);
        cache.Put([("a", Vector(1))], "fp");
        cache.Put([("a", Vector(9, 4))], "fp");
        Assert.Equal(Vector(9, 4), cache.Get(["a"], "fp")["a"]);
    }

    [Fact]
    public void A_truncated_blob_is_treated_as_missing_and_logged_then_replaced()
    {
        var log = new ListLogger();
        using var cache = new EmbeddingCache(DbPath, logger: log);
        cache.Put([("a", Vector(1)), ("b", Vector(2))], "fp");
        Sql("UPDATE embeddings SET vector = substr(vector, 1, 20) WHERE content_hash = 'a'");

        var found = cache.Get(["a", "b"], "fp");

        Assert.Equal(["b"], found.Keys);
        var warning = Assert.Single(log.Messages);
        Assert.Contains("Cached embedding a", warning);
        Assert.Contains("20 bytes", warning);
        cache.Put([("a", Vector(1))], "fp");
        Assert.Equal(Vector(1), cache.Get(["a"], "fp")["a"]);
    }

    [Fact]
    public void Float16_halves_the_blob_and_keeps_three_digits()
    {
        using var cache = new EmbeddingCache(DbPath, EmbeddingPrecision.Float16);
        cache.Put([("a", Vector(3, 100))], "fp");
        var back = cache.Get(["a"], "fp")["a"];
        for (var i = 0; i < 100; i++) Assert.Equal(Vector(3, 100)[i], back[i], 1e-3);
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(vector), dim FROM embeddings";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(200, reader.GetInt64(0));
        Assert.Equal(100, reader.GetInt64(1));
    }

    [Fact]
    public void Database_is_in_wal_mode()
    {
        using (new EmbeddingCache(DbPath)) { }
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task A_concurrent_reader_sees_only_whole_batches_while_a_writer_inserts()
    {
        using var writer = new EmbeddingCache(DbPath);
        using var reader = new EmbeddingCache(DbPath);
        const int batches = 40, perBatch = 250;
        var allKeys = Enumerable.Range(0, batches * perBatch).Select(i => $"h{i}").ToList();
        var reads = 0;
        var writing = Task.Run(() =>
        {
            for (var b = 0; b < batches; b++)
            {
                writer.Put(Enumerable.Range(b * perBatch, perBatch).Select(i => ($"h{i}", Vector(i))).ToList(), "fp");
                // let the reader overlap the writes however slow this machine is
                SpinWait.SpinUntil(() => Volatile.Read(ref reads) > b, TimeSpan.FromSeconds(5));
            }
        });
        while (!writing.IsCompleted || reads == 0)
        {
            var seen = reader.Get(allKeys, "fp");
            Assert.Equal(0, seen.Count % perBatch);
            foreach (var (key, vector) in seen) Assert.Equal(Vector(int.Parse(key[1..])), vector);
            Interlocked.Increment(ref reads);
        }
        await writing;
        Assert.Equal(batches * perBatch, reader.Get(allKeys, "fp").Count);
        Assert.True(reads > 1, $"the reader ran only {reads} times");
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages) Messages.Add(formatter(state, exception));
        }
    }
}
