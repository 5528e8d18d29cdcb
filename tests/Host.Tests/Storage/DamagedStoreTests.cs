using Elfs.Connector;
using Elfs.Host.Storage;
using Microsoft.Data.Sqlite;

namespace Elfs.Host.Tests.Storage;

/// <summary>Real SQLite files damaged on disk: the store refuses them with the file's name, before writing anything.</summary>
public sealed class DamagedStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void A_file_whose_pages_are_overwritten_fails_quick_check_and_is_left_as_it_was()
    {
        var path = DamagedStoreFile.WriteStore(_temp.File("elfs.db"));
        Assert.True(new FileInfo(path).Length > 20 * 4096);
        DamagedStoreFile.Damage(path, 8 * 4096, 6 * 4096);
        var before = File.ReadAllBytes(path);

        var e = Assert.Throws<StoreDamagedException>(() => new ElfsStore(path).EnsureReady());

        Assert.Equal(path, e.Path);
        Assert.StartsWith($"the store {path} is damaged (", e.Message);
        Assert.Contains("nothing was written to it", e.Message);
        Assert.Contains("Restore it from a backup, or move it aside", e.Message);
        Assert.Contains("vectors recomputed", e.Message);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_by_name()
    {
        var path = DamagedStoreFile.WriteStore(_temp.File("elfs.db"));
        DamagedStoreFile.Damage(path, 0, 100);
        var before = File.ReadAllBytes(path);

        var e = Assert.Throws<StoreDamagedException>(() => new ElfsStore(path).EnsureReady());

        Assert.Contains("not a database", e.Detail);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Throws<StoreDamagedException>(() => StoreIntegrity.CheckExisting(path));
    }

    [Fact]
    public void A_sound_store_passes_and_naming_a_store_creates_nothing()
    {
        var path = DamagedStoreFile.WriteStore(_temp.File("elfs.db"));
        Assert.True(StoreIntegrity.CheckExisting(path));
        new ElfsStore(path).EnsureReady();

        var absent = _temp.File("data/absent.db");
        _ = new ElfsStore(absent);
        Assert.False(StoreIntegrity.CheckExisting(absent));
        Assert.False(Directory.Exists(_temp.File("data")));
    }

    [Fact]
    public void A_damaged_embedding_cache_file_is_refused_by_name()
    {
        var path = DamagedStoreFile.WriteStore(_temp.File("cache.db"));
        DamagedStoreFile.Damage(path, 0, 100);
        var e = Assert.Throws<StoreDamagedException>(() => new EmbeddingCache(path));
        Assert.Equal(path, e.Path);
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>Real store files for the damage tests.</summary>
internal static class DamagedStoreFile
{
    /// <summary>A real store with a few thousand items, closed (WAL checkpointed into the file).</summary>
    public static string WriteStore(string path)
    {
        var store = new ElfsStore(path);
        var items = Enumerable.Range(0, 3000).Select(i => new SourceItem($"folder/image-{i:00000}.png", $"/data/folder/image-{i:00000}.png", i % 7 == 0, null));
        store.InTransaction((c, tx) => new ItemStore(store).Upsert(c, tx, "p", items, DateTimeOffset.UnixEpoch));
        SqliteConnection.ClearAllPools();
        return path;
    }

    /// <summary>Overwrites <paramref name="count"/> bytes at <paramref name="offset"/> with a seeded pattern.</summary>
    public static void Damage(string path, long offset, int count)
    {
        var junk = new byte[count];
        new Random(3).NextBytes(junk);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = offset;
        file.Write(junk);
    }
}
