/* Every text of the interface, by key. The module's `ui:` section gives
 * each of them in every language. {n}, {total}, {score}, {pass} are
 * replaced by numbers where the key's comment says so. */
#ifndef KIOSK_CORE_UI_KEYS_H
#define KIOSK_CORE_UI_KEYS_H

#define UI_KEYS(X)                                                                                 \
	X(touch_to_start)    /* attract: "Touchez l'écran pour commencer" */                      \
	X(choose_language)   /* language: "Choisissez votre langue" */                             \
	X(language_name)     /* this language's own name: "Français" */                           \
	X(chapters)          /* home heading: "Les chapitres" */                                   \
	X(progress)          /* home: "{n} chapitres vus sur {total}" */                           \
	X(start_quiz)        /* home: "Faire le quiz final" */                                     \
	X(back)              /* every screen: "Retour" */                                          \
	X(home)              /* "Accueil" */                                                       \
	X(language)          /* button to change language: "Langue" */                             \
	X(text_size)         /* text-size toggle: "Texte plus grand" */                            \
	X(key_points)        /* chapter: "À retenir" */                                           \
	X(watch_video)       /* chapter: "Voir la vidéo" */                                       \
	X(chapter_questions) /* chapter: "Répondre aux questions" */                              \
	X(chapter_done)      /* chapter without questions: "Chapitre terminé" */                  \
	X(question_of)       /* quiz: "Question {n} sur {total}" */                                \
	X(right)             /* quiz feedback: "Bonne réponse !" */                               \
	X(wrong)             /* quiz feedback: "Ce n'est pas la bonne réponse." */                \
	X(right_answer_was)  /* quiz feedback: "La bonne réponse :" */                            \
	X(next)              /* "Suivant" */                                                       \
	X(see_result)        /* last question: "Voir mon résultat" */                             \
	X(your_score)        /* result: "{n} bonnes réponses sur {total}" ({score}: percent) */   \
	X(passed)            /* result: "Quiz réussi" */                                          \
	X(failed)            /* result: "Pas encore : il faut {n} bonnes réponses sur {total}" */ \
	X(takeaways)         /* result: "L'essentiel à retenir" */                                \
	X(more_title)        /* result: "Pour aller plus loin" */                                  \
	X(scan_me)           /* under the QR code without qr_label: "Emportez l'essentiel" */      \
	X(finish)            /* result: "Terminer" */                                              \
	X(still_there)       /* "Vous êtes toujours là ?" */                                     \
	X(countdown)         /* "Retour à l'accueil dans {n} s" */                                \
	X(continue_session)  /* "Je continue" */                                                   \
	X(video_unavailable) /* "Cette vidéo n'est pas disponible" */                             \
	X(continue_chapter)  /* video: "Continuer" */                                              \
	X(subtitles)         /* video control: "Sous-titres" */                                    \
	X(skip_video)        /* video: "Passer la vidéo" */                                       \
	X(play)              /* video control: "Lecture" */                                        \
	X(pause)             /* video control: "Pause" */                                          \
	X(restart)           /* video control: "Recommencer" */                                    \
	X(rewind)            /* video control: "-10 s" */                                          \
	X(volume)            /* video control: "Volume" */                                         \
	X(trainer)           /* trainer area title: "Espace formateur" */                          \
	X(enter_pin)         /* "Code formateur" */                                                \
	X(wrong_pin)         /* "Code incorrect" */

/* Keys a module may leave out (older modules): the text is then not shown. */
#define UI_KEYS_OPTIONAL(X)                                                                        \
	X(pass_rule) /* final quiz: "Pour valider : {n} bonnes réponses sur {total}" */           \
	X(overview)  /* portrait home: "{n} chapitres, puis un quiz final de {total} questions" */ \
	X(duration)  /* portrait home: "Environ {n} minutes", the time a full pass takes */        \
	X(retake)    /* failed result: "Refaire le quiz" (without it: no such button) */           \
	X(revisit)   /* failed result: "Chapitres à revoir" */

enum ui_key {
#define UI_ENUM(k) UI_##k,
	UI_KEYS(UI_ENUM) UI_KEYS_OPTIONAL(UI_ENUM)
#undef UI_ENUM
	    UI_COUNT
};
enum { UI_REQUIRED = UI_pass_rule }; /* keys below this one are required */

#endif
