using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Elfs.Host.Storage;

/// <summary>
/// Vectors keyed by (SHA-256 of the image bytes, encoder fingerprint) in the <c>embeddings</c> table of a SQLite file
/// (WAL mode, so readers in other processes or connections never block on a writer). A row whose BLOB length does not
/// match its dimension at this cache's precision is reported missing (and logged) so the caller recomputes it; the
/// next <see cref="Put"/> replaces it. Thread-safe.
/// </summary>
public sealed partial class EmbeddingCache : IDisposable
{
    private const int QueryChunk = 500;
    private const int InsertChunk = 5000;
    private readonly SqliteConnection connection;
    private readonly EmbeddingPrecision precision;
    private readonly ILogger logger;
    private readonly Lock gate = new();

    /// <summary>Opens (creating when needed) the cache in <paramref name="sqlitePath"/>; a damaged file throws <see cref="StoreDamagedException"/> before anything is written.</summary>
    public EmbeddingCache(string sqlitePath, EmbeddingPrecision precision = EmbeddingPrecision.Float32, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlitePath);
        if (!Enum.IsDefined(precision)) throw new ArgumentException($"embedding precision {precision} is not known; allowed: Float32, Float16");
        this.precision = precision;
        this.logger = logger ?? NullLogger.Instance;
        var directory = Path.GetDirectoryName(Path.GetFullPath(sqlitePath));
        if (directory is not null) Directory.CreateDirectory(directory);
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        try
        {
            StoreIntegrity.Check(connection, Path.GetFullPath(sqlitePath));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        Execute("PRAGMA busy_timeout = 30000");
        Execute("PRAGMA journal_mode = WAL");
        Execute("PRAGMA synchronous = NORMAL");
        Execute("""
            CREATE TABLE IF NOT EXISTS embeddings(
                content_hash TEXT NOT NULL,
                encoder_fp TEXT NOT NULL,
                dim INTEGER NOT NULL,
                vector BLOB NOT NULL,
                PRIMARY KEY(content_hash, encoder_fp))
            """);
    }

    /// <summary>The cached vectors of those <paramref name="contentHashes"/> that have a valid row for the encoder.</summary>
    public IReadOnlyDictionary<string, float[]> Get(IReadOnlyCollection<string> contentHashes, string encoderFingerprint)
    {
        ArgumentNullException.ThrowIfNull(contentHashes);
        ArgumentException.ThrowIfNullOrEmpty(encoderFingerprint);
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var distinct = contentHashes.Distinct(StringComparer.Ordinal).ToList();
        lock (gate)
        {
            for (var start = 0; start < distinct.Count; start += QueryChunk)
                ReadChunk(distinct.GetRange(start, Math.Min(QueryChunk, distinct.Count - start)), encoderFingerprint, result);
        }
        return result;
    }

    /// <summary>
    /// Those of <paramref name="contentHashes"/> with a row of <paramref name="dimension"/> values for the encoder (no
    /// vector is read), so a caller can size a matrix before <see cref="ReadInto"/> fills it.
    /// </summary>
    public IReadOnlySet<string> Have(IReadOnlyCollection<string> contentHashes, string encoderFingerprint, int dimension)
    {
        ArgumentNullException.ThrowIfNull(contentHashes);
        ArgumentException.ThrowIfNullOrEmpty(encoderFingerprint);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var distinct = contentHashes.Distinct(StringComparer.Ordinal).ToList();
        lock (gate)
        {
            for (var start = 0; start < distinct.Count; start += QueryChunk)
            {
                var chunk = distinct.GetRange(start, Math.Min(QueryChunk, distinct.Count - start));
                using var command = Select(chunk, encoderFingerprint, "content_hash", "AND dim = $dim");
                command.Parameters.AddWithValue("$dim", dimension);
                using var reader = command.ExecuteReader();
                while (reader.Read()) found.Add(reader.GetString(0));
            }
        }
        return found;
    }

    /// <summary>
    /// Reads the vector of <paramref name="contentHashes"/>[i] into row <paramref name="firstRow"/> + i of
    /// <paramref name="destination"/> (rows of <paramref name="dimension"/> values), a chunk of rows at a time, with no
    /// vector held twice; returns the positions i that have no valid row (left zero).
    /// </summary>
    public IReadOnlyList<int> ReadInto(IReadOnlyList<string> contentHashes, string encoderFingerprint, float[] destination, int firstRow, int dimension)
    {
        ArgumentNullException.ThrowIfNull(contentHashes);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentException.ThrowIfNullOrEmpty(encoderFingerprint);
        if ((long)(firstRow + contentHashes.Count) * dimension > destination.Length)
            throw new ArgumentException($"{contentHashes.Count} rows from row {firstRow} do not fit a matrix of {destination.Length / Math.Max(1, dimension)} rows", nameof(destination));
        var filled = new bool[contentHashes.Count];
        lock (gate)
        {
            for (var start = 0; start < contentHashes.Count; start += QueryChunk)
            {
                var end = Math.Min(contentHashes.Count, start + QueryChunk);
                var rows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (var i = start; i < end; i++)
                {
                    if (!rows.TryGetValue(contentHashes[i], out var at)) rows[contentHashes[i]] = at = [];
                    at.Add(i);
                }
                using var command = Select(rows.Keys.ToList(), encoderFingerprint, "content_hash, dim, vector", "");
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var hash = reader.GetString(0);
                    var blob = (byte[])reader.GetValue(2);
                    foreach (var i in rows[hash])
                    {
                        var row = destination.AsSpan((firstRow + i) * dimension, dimension);
                        if (reader.GetInt64(1) == dimension && EmbeddingBlob.TryDecodeInto(blob, precision, row)) filled[i] = true;
                        else LogBadRow(hash, encoderFingerprint, blob.Length, reader.GetInt64(1), precision);
                    }
                }
            }
        }
        return Enumerable.Range(0, filled.Length).Where(i => !filled[i]).ToList();
    }

    /// <summary>Stores (or replaces) vectors for the encoder, in transactions of up to 5,000 rows.</summary>
    public void Put(IReadOnlyList<(string ContentHash, float[] Vector)> vectors, string encoderFingerprint)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentException.ThrowIfNullOrEmpty(encoderFingerprint);
        for (var i = 0; i < vectors.Count; i++)
        {
            if (string.IsNullOrEmpty(vectors[i].ContentHash)) throw new ArgumentException($"vector {i} has no content hash");
            if (vectors[i].Vector is null || vectors[i].Vector.Length == 0) throw new ArgumentException($"vector {i} ({vectors[i].ContentHash}) is empty");
        }
        lock (gate)
        {
            for (var start = 0; start < vectors.Count; start += InsertChunk)
                WriteChunk(vectors, start, Math.Min(vectors.Count, start + InsertChunk), encoderFingerprint);
        }
    }

    /// <summary>Lowercase hex SHA-256 of an image's bytes.</summary>
    public static string ContentHash(ReadOnlySpan<byte> imageBytes) => Convert.ToHexStringLower(SHA256.HashData(imageBytes));

    /// <summary>Closes the connection.</summary>
    public void Dispose() => connection.Dispose();

    private void ReadChunk(List<string> hashes, string fingerprint, Dictionary<string, float[]> result)
    {
        using var command = Select(hashes, fingerprint, "content_hash, dim, vector", "");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var hash = reader.GetString(0);
            var dim = reader.GetInt64(1);
            var blob = (byte[])reader.GetValue(2);
            var vector = EmbeddingBlob.Decode(blob, dim, precision);
            if (vector is null) LogBadRow(hash, fingerprint, blob.Length, dim, precision);
            else result[hash] = vector;
        }
    }

    /// <summary>A query for <paramref name="columns"/> of the encoder's rows among <paramref name="hashes"/> (at most <see cref="QueryChunk"/>).</summary>
    private SqliteCommand Select(List<string> hashes, string fingerprint, string columns, string condition)
    {
        var command = connection.CreateCommand();
        var names = hashes.Select((_, i) => "$h" + i).ToList();
        command.CommandText = $"SELECT {columns} FROM embeddings WHERE encoder_fp = $fp {condition} AND content_hash IN ({string.Join(",", names)})";
        command.Parameters.AddWithValue("$fp", fingerprint);
        for (var i = 0; i < hashes.Count; i++) command.Parameters.AddWithValue(names[i], hashes[i]);
        return command;
    }

    private void WriteChunk(IReadOnlyList<(string ContentHash, float[] Vector)> vectors, int start, int end, string fingerprint)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO embeddings(content_hash, encoder_fp, dim, vector) VALUES ($h, $fp, $dim, $v)";
        var hash = command.Parameters.Add("$h", SqliteType.Text);
        command.Parameters.AddWithValue("$fp", fingerprint);
        var dim = command.Parameters.Add("$dim", SqliteType.Integer);
        var blob = command.Parameters.Add("$v", SqliteType.Blob);
        command.Prepare();
        for (var i = start; i < end; i++)
        {
            hash.Value = vectors[i].ContentHash;
            dim.Value = vectors[i].Vector.Length;
            blob.Value = EmbeddingBlob.Encode(vectors[i].Vector, precision);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cached embedding {ContentHash} for encoder {EncoderFingerprint} has {BlobBytes} bytes, which does not match dimension {Dimension} at {Precision}; it will be recomputed")]
    private partial void LogBadRow(string contentHash, string encoderFingerprint, int blobBytes, long dimension, EmbeddingPrecision precision);
}
