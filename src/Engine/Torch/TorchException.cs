using System.Runtime.InteropServices;

namespace Elfs.Engine.Torch;

/// <summary>An error raised by libtorch (or the native binding), carrying libtorch's own message.</summary>
public sealed class TorchException : Exception
{
    /// <summary>Creates the exception with libtorch's message.</summary>
    public TorchException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public TorchException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Reads the calling thread's last native error.</summary>
    internal static TorchException FromLastError(string operation)
    {
        var text = Marshal.PtrToStringUTF8(NativeMethods.elfs_last_error());
        return new TorchException(string.IsNullOrEmpty(text) ? $"{operation} failed in libtorch" : $"{operation}: {text}");
    }

    /// <summary>Throws the last native error when <paramref name="status"/> is non-zero.</summary>
    internal static void Check(int status, string operation)
    {
        if (status != 0) throw FromLastError(operation);
    }
}
