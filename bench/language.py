"""Benchmark language detectors on short chat messages (bot/services/language.py).

Run: .venv/bin/python bench/language.py [--misses]

Each candidate runs in its own subprocess so that its memory (ru_maxrss after loading and
warming the model, minus before) is its own. Figures per candidate: accuracy of the top label,
the English false-flag rate (English messages whose top label is not English: the figure that
matters most), the same two after the gate other_language() applies (enough words, high
confidence), time per message and the memory the model adds. The shipped function
(bot.services.language.other_language) is measured last, in this process.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Short messages the way people text: lowercase, accents sometimes missing, slang.
MESSAGES: dict[str, list[str]] = {
    "en": [
        "ok", "idk", "lol", "he texted me", "i miss him so much", "yes", "no", "thanks",
        "hi", "hey", "help", "ugh", "wtf", "omg he liked my story", "she blocked me",
        "should i text her back", "day 3 and its so hard", "i want to call him rn",
        "cant sleep again", "why does it hurt this much",
        "i saw her at the gym today and almost said hi",
        "my ex wants to be friends, should i say yes?",
        "he posted a pic with someone new", "im doing ok today tbh",
        "i broke no contact last night", "is it normal to still cry after 2 months",
        "how do i stop checking his instagram", "ngl i kinda want him back",
        "i feel like a loser", "she said she needs space", "what if he never comes back",
        "ok thx", "brb", "i'm fine", "gonna delete his number", "not today",
        "he said te amo once and now nothing", "my friend maria says i should move on",
        "i'm at the bar with jose and carlos", "Lukas sent me a message",
        "im so tired of this", "can you help me", "sos", "i relapsed", "he unblocked me",
        "i'm so proud of myself today", "pls help", "k", "fine whatever",
        "she's in paris with her new bf", "do u think he misses me",
        "i want to text him so bad", "what do i say if he calls",
        "my therapist said to journal", "i'm not okay",
        "i dream about him every night", "it's been 30 days",
        "i keep rereading our old messages", "tbh i'm lowkey relieved",
        "bruh he's already dating", "we broke up in march",
        "mi amor he used to call me", "gracias for listening",
        "omg 😭😭😭", "❤️ day 10", "he said ciao and left", "she's from brazil btw",
        "we went to cancun for our anniversary", "his mom gabriela still follows me",
        "i listened to despacito and cried", "she moved to berlin with dominik",
        "he called me his mi vida lol", "we used to eat pasta at luigi's every friday",
        "my ex jean-pierre wants to meet up", "i keep playing our song on repeat",
        "no contact is harder than i thought", "he is such a narcissist honestly",
        "i blocked him on insta and whatsapp", "idk if i can do this anymore",
        "u up? he just sent that lmao", "she said adios and blocked me",
    ],
    "es": [
        "lo extraño mucho", "mi ex me escribio anoche que hago",
        "deberia contestarle a mi ex", "no puedo dejar de pensar en el",
        "hoy es el dia 5 sin hablarle", "me bloqueo de todas partes",
        "quiero volver con ella pero no se", "como hago para olvidarlo",
        "me siento muy sola hoy", "es normal seguir llorando despues de un mes",
        "mi ex subio una foto con otra", "tengo ganas de llamarlo ahora mismo",
        "ayuda no se que hacer", "ya no aguanto mas esto",
        "¿debería responderle a mi ex si me escribe?", "q hago si me llama",
    ],
    "pt": [
        "sinto muita falta dele", "meu ex me mandou mensagem ontem o que eu faço",
        "devo responder minha ex", "nao consigo parar de pensar nele",
        "hoje faz 5 dias sem falar com ela", "ele me bloqueou em tudo",
        "quero voltar com ela mas nao sei", "como faço pra esquecer ele",
        "to me sentindo muito sozinha hoje", "é normal ainda chorar depois de um mes",
        "minha ex postou foto com outro", "to com vontade de ligar pra ele agora",
        "socorro nao sei o que fazer", "nao aguento mais isso",
        "você acha que ele vai voltar?", "vc acha q ela sente minha falta",
    ],
    "fr": [
        "il me manque tellement", "mon ex m'a ecrit hier soir je fais quoi",
        "est-ce que je dois repondre a mon ex", "j'arrive pas a arreter de penser a lui",
        "ca fait 5 jours sans lui parler", "elle m'a bloqué partout",
        "je veux revenir avec elle mais je sais pas", "comment je fais pour l'oublier",
        "je me sens tres seule aujourd'hui", "c'est normal de pleurer encore apres un mois",
        "mon ex a posté une photo avec une autre", "j'ai envie de l'appeler maintenant",
        "aidez moi je sais plus quoi faire", "j'en peux plus",
        "tu penses qu'il va revenir ?", "jsp quoi faire il m'a ecrit",
    ],
    "de": [
        "ich vermisse ihn so sehr", "mein ex hat mir gestern geschrieben was soll ich tun",
        "soll ich meiner ex antworten", "ich kann nicht aufhören an ihn zu denken",
        "heute ist tag 5 ohne kontakt", "sie hat mich überall blockiert",
        "ich will zurück zu ihr aber weiß nicht", "wie kann ich ihn vergessen",
        "ich fühle mich heute so allein", "ist es normal nach einem monat noch zu weinen",
        "meine ex hat ein foto mit einem anderen gepostet", "ich will ihn jetzt anrufen",
        "hilfe ich weiss nicht was ich machen soll", "ich halte das nicht mehr aus",
        "glaubst du er kommt zurück?", "was mach ich wenn er anruft",
    ],
    "it": [
        "mi manca tantissimo", "il mio ex mi ha scritto ieri sera cosa faccio",
        "devo rispondere alla mia ex", "non riesco a smettere di pensare a lui",
        "oggi sono 5 giorni senza sentirlo", "mi ha bloccato dappertutto",
        "voglio tornare con lei ma non so", "come faccio a dimenticarlo",
        "mi sento molto sola oggi", "è normale piangere ancora dopo un mese",
        "la mia ex ha postato una foto con un altro", "ho voglia di chiamarlo adesso",
        "aiuto non so cosa fare", "non ce la faccio piu",
        "secondo te tornera?", "cmq non so che fare se mi chiama",
    ],
    "tr": [
        "onu cok ozledim", "eski sevgilim dun gece yazdi ne yapmaliyim",
        "ona cevap vermeli miyim", "onu aklimdan cikaramiyorum",
        "bugun konusmayali 5 gun oldu", "beni her yerden engelledi",
    ],
    "ru": [
        "я очень скучаю по нему", "бывший написал мне вчера что делать",
        "стоит ли ответить бывшей", "не могу перестать думать о нем",
        "она заблокировала меня везде", "мне так одиноко сегодня",
    ],
    "pl": [
        "bardzo za nim tęsknię", "mój ex napisał do mnie wczoraj co mam zrobic",
        "czy powinnam mu odpisac", "nie moge przestac o nim myslec",
        "zablokowała mnie wszędzie", "czuje sie dzis bardzo samotna",
    ],
    "nl": [
        "ik mis hem zo erg", "mijn ex stuurde me gisteren een bericht wat moet ik doen",
        "moet ik mijn ex terug appen", "ik kan niet stoppen met aan hem denken",
        "ze heeft me overal geblokkeerd", "ik voel me vandaag zo alleen",
    ],
    "id": [
        "aku kangen banget sama dia", "mantanku chat aku semalam aku harus gimana",
        "apa aku harus balas chat mantan", "aku gak bisa berhenti mikirin dia",
        "dia blokir aku di semua sosmed", "hari ini aku merasa sendirian banget",
    ],
    "tl": [
        "miss na miss ko na siya", "nag text sa akin yung ex ko kagabi ano gagawin ko",
        "dapat ko ba siyang replyan", "hindi ko siya makalimutan",
        "binlock niya ako sa lahat", "sobrang lungkot ko ngayon",
    ],
    "ar": [
        "اشتقت له كثيرا", "حبيبي السابق راسلني امس ماذا افعل",
        "هل يجب ان ارد عليه", "لا استطيع التوقف عن التفكير فيه",
        "حظرتني من كل مكان", "اشعر بالوحدة اليوم",
    ],
    "sv": [
        "jag saknar honom så mycket", "mitt ex skrev till mig igår vad ska jag göra",
        "ska jag svara honom", "hur länge gör det ont efter ett uppbrott",
        "hon blockerade mig överallt", "jag känner mig så ensam ikväll",
    ],
    "ro": [
        "mi-e atât de dor de el", "fostul mi-a scris aseară ce să fac",
        "ar trebui să-i răspund", "cât durează până nu mai doare",
        "m-a blocat peste tot", "mă simt foarte singură în seara asta",
    ],
    "vi": [
        "mình nhớ anh ấy nhiều lắm", "người yêu cũ nhắn tin cho mình tối qua phải làm sao",
        "có nên trả lời anh ấy không", "bao lâu thì hết đau",
        "cô ấy chặn mình khắp nơi", "tối nay mình thấy cô đơn quá",
    ],
    # session 42: the notice in Japanese, Korean, Chinese and Ukrainian
    "ja": [
        "元彼に連絡したくてたまらない", "昨日の夜、元カノからメッセージが来た",
        "返信したほうがいいのかな", "いつになったら楽になるの",
    ],
    "ko": [
        "전 남친한테 연락하고 싶어요", "어젯밤에 전 여친이 문자 보냈어요",
        "답장해야 할까요", "언제쯤 안 아플까요",
    ],
    "zh": [
        "我好想给前男友发消息", "前女友昨晚给我发了信息怎么办",
        "我应该回复他吗", "什么时候才能不痛",
    ],
    "uk": [
        "я дуже сумую за ним", "колишній написав мені вчора ввечері що робити",
        "чи варто йому відповідати", "коли перестане боліти",
    ],
    "hi": [
        "मुझे उसकी बहुत याद आती है", "मेरे एक्स ने कल रात मैसेज किया क्या करूं",
        "क्या मुझे उसे जवाब देना चाहिए", "मैं उसके बारे में सोचना बंद नहीं कर पा रही",
        "mujhe uski bahut yaad aati hai", "mere ex ne kal raat message kiya kya karu",
        "kya mujhe usko reply karna chahiye", "main usse bhool nahi paa rahi hoon",
    ],
}

# The languages a detector is asked to choose among (ISO 639-1).
CODES = ["en", "es", "pt", "fr", "de", "it", "tr", "ru", "pl", "nl", "id", "tl", "ar", "hi", "sv",
         "ro", "vi", "ja", "ko", "zh", "uk"]

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99)

Detect = Callable[[str], tuple[str, float]]


def _lingua(low_accuracy: bool) -> Detect:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_iso_codes_639_1(
        *[getattr(IsoCode639_1, c.upper()) for c in CODES]
    ).with_preloaded_language_models()
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    detector = builder.build()

    def detect(text: str) -> tuple[str, float]:
        values = detector.compute_language_confidence_values(text)
        if not values:
            return "en", 0.0
        top = values[0]
        return top.language.iso_code_639_1.name.lower(), top.value

    return detect


def _py3langid(restricted: bool) -> Detect:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if restricted:
        identifier.set_languages(CODES)

    def detect(text: str) -> tuple[str, float]:
        lang, prob = identifier.classify(text)
        return str(lang), float(prob)

    return detect


CANDIDATES: dict[str, Callable[[], Detect]] = {
    "lingua (21 langs)": lambda: _lingua(low_accuracy=False),
    "lingua (21 langs, low accuracy mode)": lambda: _lingua(low_accuracy=True),
    "py3langid (all 97)": lambda: _py3langid(restricted=False),
    "py3langid (21 langs)": lambda: _py3langid(restricted=True),
}


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


def evaluate(detect: Detect, min_words: int, min_conf: float) -> dict[str, object]:
    """Raw and gated figures; the gate is the shipped one's shape (words, confidence)."""
    right = total = en_raw = en_gated = gated_right = non_en = 0
    en_worst = 0.0  # the highest confidence of a wrong label on an English message of 4+ words
    misses: list[str] = []
    for lang, texts in MESSAGES.items():
        for text in texts:
            got, conf = detect(text)
            total += 1
            right += got == lang
            flagged = got != "en" and conf >= min_conf and _words(text) >= min_words
            if lang == "en":
                en_raw += got != "en"
                en_gated += flagged
                if got != "en" and _words(text) >= min_words:
                    en_worst = max(en_worst, conf)
                if got != "en":
                    misses.append(f"en {text!r} -> {got} {conf:.2f}{' FLAGGED' * flagged}")
            else:
                non_en += 1
                gated_right += flagged and got == lang
                if got != lang:
                    misses.append(f"{lang} {text!r} -> {got} {conf:.2f}")
    n_en = len(MESSAGES["en"])
    return {
        "accuracy": right / total,
        "en_false_flag_raw": en_raw / n_en,
        "en_false_flag_gated": en_gated / n_en,
        "non_en_caught_gated": gated_right / non_en,
        "en_worst": en_worst,
        "misses": misses,
    }


def _time_ms(fn: Callable[[str], object]) -> float:
    texts = [t for ts in MESSAGES.values() for t in ts]
    rounds = []
    for _ in range(5):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        rounds.append((time.perf_counter() - start) * 1000 / len(texts))
    return statistics.median(rounds)


def run_one(name: str) -> dict[str, object]:
    before = _maxrss_mb()
    start = time.perf_counter()
    detect = CANDIDATES[name]()
    detect("warm up the model with a first message")
    load_s = time.perf_counter() - start
    added = _maxrss_mb() - before
    # The gate's confidence threshold: the lowest that flags no English message (each model
    # scales its confidence its own way), with the share of other languages it still catches.
    figures: dict[str, object] = {}
    for min_conf in THRESHOLDS:
        figures = evaluate(detect, min_words=4, min_conf=min_conf)
        figures["min_conf"] = min_conf
        if figures["en_false_flag_gated"] == 0:
            break
    figures.update(load_s=load_s, mem_mb=added, ms=_time_ms(detect))
    return figures


def _shipped() -> dict[str, object]:
    from bot.services import language

    before = _maxrss_mb()
    language.preload()
    added = _maxrss_mb() - before
    n_en = len(MESSAGES["en"])
    en_flags = [t for t in MESSAGES["en"] if language.other_language(t) is not None]
    caught = wrong = non_en = 0
    misses = []
    for lang, texts in MESSAGES.items():
        if lang == "en":
            continue
        for text in texts:
            non_en += 1
            got = language.other_language(text)
            caught += got == lang
            wrong += got is not None and got != lang
            if got != lang:
                misses.append(f"{lang} {text!r} -> {got}")
    return {
        "en_false_flag": len(en_flags) / n_en,
        "en_flagged": en_flags,
        "non_en_caught": caught / non_en,
        "non_en_wrong_language": wrong / non_en,
        "misses": misses,
        "ms": _time_ms(language.other_language),
        "mem_mb": added,
    }


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(run_one(sys.argv[2])))
        return
    show_misses = "--misses" in sys.argv
    sizes = {k: len(v) for k, v in MESSAGES.items()}
    print(f"messages: {sum(sizes.values())} ({sizes})")
    print("worst: highest confidence of a wrong label on an English message of 4+ words")
    print(f"{'candidate':40} {'acc':>6} {'EN flag':>8} {'EN gated':>9} {'caught':>7} {'at':>5}"
          f" {'worst':>6}"
          f" {'ms/msg':>7} {'MB':>6} {'load s':>7}")
    for name in CANDIDATES:
        proc = subprocess.run(
            [sys.executable, __file__, "--one", name], capture_output=True, text=True
        )
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["?"])[-1]
            print(f"{name:40} not available: {last}")
            continue
        f = json.loads(proc.stdout)
        print(f"{name:40} {f['accuracy']:6.1%} {f['en_false_flag_raw']:8.1%}"
              f" {f['en_false_flag_gated']:9.1%} {f['non_en_caught_gated']:7.1%}"
              f" {f['min_conf']:5.2f} {f['en_worst']:6.2f}"
              f" {f['ms']:7.3f} {f['mem_mb']:6.1f} {f['load_s']:7.2f}")
        if show_misses:
            for line in f["misses"]:
                print("    " + line)
    try:
        s = _shipped()
    except ImportError:
        return
    print(f"\nshipped other_language(): EN false flags {s['en_false_flag']:.1%}"
          f" {s['en_flagged']}, non-English caught {s['non_en_caught']:.1%},"
          f" wrong language {s['non_en_wrong_language']:.1%},"
          f" {s['ms']:.3f} ms/msg, +{s['mem_mb']:.1f} MB")
    if show_misses:
        for line in s["misses"]:
            print("    " + line)


if __name__ == "__main__":
    main()
