// Runs before first paint (a classic script in <head>), so large-text mode never flashes off.
if (localStorage.getItem('reader-large-text') === 'on') document.documentElement.classList.add('large-text');
