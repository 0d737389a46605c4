// A workflow conflict on the conflicts screen: a demand moved apart on two laptops.
import { defineWords } from './words';

export default defineWords({
  workflowConflict: {
    move: { zh: '{{from}} → {{to}}', en: '{{from}} → {{to}}' },
    kept: { zh: '生效的办理操作', en: 'Move in effect' },
    lost: { zh: '被取代的办理操作', en: 'Superseded move' },
    keepWinner: { zh: '保持现状', en: 'Keep as it is' },
    redo: { zh: '按流程重做此操作', en: 'Redo this move' },
    intro: {
      zh: '两台电脑同时办理了这条需求，其中一个操作已被取代。重做时按办理流程检查权限，并记入办理记录。',
      en: 'Two laptops moved this demand at the same time and one move lost its place. Redoing it goes through the workflow, with its checks and a history entry.',
    },
  },
});
