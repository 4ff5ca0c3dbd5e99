#!/usr/bin/env bash
# Makes the small real media files the media-info tests read (run once; the files are committed, so the
# tests and CI need no ffmpeg). Black frames at a low frame rate keep each file a few KB, whatever its
# resolution or duration. Needs ffmpeg with libx264 and libx265 (Debian's ffmpeg package).
set -euo pipefail
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
black() { echo "color=c=black:s=$1:r=$2:d=$3"; }
tone() { echo "sine=frequency=440:sample_rate=48000:duration=$1"; }

# Several resolutions: H.264 8-bit, one English stereo AAC track.
for res in 1920x1080 1280x720 720x576 3840x2160; do
    ff -f lavfi -i "$(black "$res" 1 2)" -f lavfi -i "$(tone 2)" -c:v libx264 -preset veryfast -crf 51 \
        -c:a aac -b:a 16k -ac 2 -metadata:s:a:0 language=eng -shortest "h264-${res}.mkv"
done
# A scope film: 1920x800 is 1080p (the width tells), not 800 lines' worth.
ff -f lavfi -i "$(black 1920x800 1 2)" -c:v libx264 -preset veryfast -crf 51 h264-1920x800.mkv

# HDR: HEVC Main 10 with HDR10 mastering metadata, and HLG.
X265_HDR10="log-level=error:colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc"
X265_HDR10+=":master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1):max-cll=1000,400"
X265_HDR10+=":hdr10=1:hdr10-opt=1"
ff -f lavfi -i "$(black 3840x2160 1 2)" -c:v libx265 -pix_fmt yuv420p10le -x265-params "$X265_HDR10" \
    -color_primaries bt2020 -color_trc smpte2084 -colorspace bt2020nc hevc-2160p-hdr10.mkv
ff -f lavfi -i "$(black 1920x1080 1 2)" -c:v libx265 -pix_fmt yuv420p10le \
    -x265-params "log-level=error:colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc" \
    -color_primaries bt2020 -color_trc arib-std-b67 -colorspace bt2020nc hevc-1080p-hlg.mkv

# Two audio languages (English stereo AAC, French 5.1 AC-3) and subtitles (English, French forced).
cat > subs-en.srt <<'SRT'
1
00:00:00,000 --> 00:00:01,500
Hello.
SRT
cat > subs-fr.srt <<'SRT'
1
00:00:00,000 --> 00:00:01,500
Bonjour.
SRT
ff -f lavfi -i "$(black 1280x720 1 2)" -f lavfi -i "$(tone 2)" -f lavfi -i "$(tone 2)" -i subs-en.srt -i subs-fr.srt \
    -map 0:v -map 1:a -map 2:a -map 3:s -map 4:s -c:v libx264 -preset veryfast -crf 51 \
    -c:a:0 aac -b:a:0 16k -ac:a:0 2 -c:a:1 ac3 -b:a:1 96k -ac:a:1 6 -c:s srt \
    -metadata:s:a:0 language=eng -metadata:s:a:1 language=fra \
    -metadata:s:s:0 language=eng -metadata:s:s:1 language=fre -disposition:s:1 forced \
    -shortest two-audio-subs.mkv
rm -f subs-en.srt subs-fr.srt

# A 5-second "film" in MP4 (H.264 + AAC) and in AVI (MPEG-4 part 2 + AC-3).
ff -f lavfi -i "$(black 640x360 2 5)" -f lavfi -i "$(tone 5)" -c:v libx264 -preset veryfast -crf 51 \
    -c:a aac -b:a 16k -ac 2 -shortest -movflags +faststart film-5s.mp4
ff -f lavfi -i "$(black 640x480 2 5)" -c:v mpeg4 -q:v 31 film-5s.avi
# An MPEG transport stream (no container signature at the start: found by its packets' sync bytes).
ff -f lavfi -i "$(black 720x576 1 2)" -c:v mpeg2video -q:v 31 -f mpegts film-2s.ts

# Long runtimes in a few KB: one frame a minute. A 124-minute film, an 88-minute one, a 22-minute one.
for minutes in 124 88 22; do
    ff -f lavfi -i "color=c=black:s=320x180:r=1/60:d=$((minutes * 60))" -c:v libx264 -preset veryfast \
        -crf 51 -g 600 "runtime-${minutes}min.mkv"
done
ls -l
