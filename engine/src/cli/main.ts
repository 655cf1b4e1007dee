console.log('qungui');
